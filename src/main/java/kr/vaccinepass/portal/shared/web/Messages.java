package kr.vaccinepass.portal.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * Texts from the bundles in the current view's language, and the JSF messages made from them. A
 * business refusal is shown next to the input it is about when the form has one.
 */
@ApplicationScoped
public class Messages {
  public static final String BUNDLE = "kr.vaccinepass.portal.i18n.messages";
  public static final String VALIDATION_BUNDLE = "ValidationMessages";

  public String text(String key, Object... args) {
    Locale locale = locale();
    String pattern = lookup(BUNDLE, key, locale);
    if (pattern == null) {
      pattern = lookup(VALIDATION_BUNDLE, key, locale);
    }
    if (pattern == null) {
      return "???" + key + "???";
    }
    if (args.length == 0) {
      return pattern;
    }
    Object[] shown = args.clone();
    for (int i = 0; i < shown.length; i++) {
      if (shown[i] instanceof Money money) {
        // an amount in a refusal ("the amount due is {0}") reads as on the page
        shown[i] = money.format(locale);
      }
    }
    return new MessageFormat(pattern, locale).format(shown);
  }

  public void info(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_INFO, text(key, args));
  }

  /** An information that survives the redirect after a successful POST. */
  public void infoAfterRedirect(String key, Object... args) {
    info(key, args);
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  public void error(String key, Object... args) {
    add(null, FacesMessage.SEVERITY_ERROR, text(key, args));
  }

  /** An error next to one input (its client id), e.g. a filter the page checks itself. */
  public void errorOn(String clientId, String key, Object... args) {
    add(clientId, FacesMessage.SEVERITY_ERROR, text(key, args));
  }

  /**
   * Shows the refusal (and those raised with it) next to formId:field when that input exists, else
   * at the top.
   */
  public void show(BusinessException e, String formId) {
    for (BusinessException refusal : e.all()) {
      String clientId = refusal.field().map(f -> clientIdOf(formId, f)).orElse(null);
      add(clientId, FacesMessage.SEVERITY_ERROR, text(refusal.messageKey(), refusal.arguments()));
    }
  }

  /** The service's own validation refused what the page let through: show each violation. */
  public void show(ConstraintViolationException e, String formId) {
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      String template = v.getMessageTemplate();
      String key =
          template.startsWith("{") && template.endsWith("}")
              ? template.substring(1, template.length() - 1)
              : template;
      String path = v.getPropertyPath().toString();
      String field = path.substring(path.lastIndexOf('.') + 1);
      add(clientIdOf(formId, field), FacesMessage.SEVERITY_ERROR, text(key));
    }
  }

  private String clientIdOf(String formId, String field) {
    FacesContext ctx = FacesContext.getCurrentInstance();
    String clientId = formId + ":" + field;
    UIComponent component = ctx.getViewRoot().findComponent(":" + clientId);
    return component == null ? null : clientId;
  }

  private void add(String clientId, FacesMessage.Severity severity, String text) {
    FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
  }

  /**
   * The session's chosen language, read from the session itself: a view's locale is not yet set
   * while some beans are created (and outside a request, Korean).
   */
  private static Locale locale() {
    FacesContext ctx = FacesContext.getCurrentInstance();
    return ctx == null
        ? Locale.KOREAN
        : LocaleBacking.chosen(ctx.getExternalContext().getSession(false));
  }

  private static String lookup(String bundle, String key, Locale locale) {
    try {
      return ResourceBundle.getBundle(bundle, locale, Messages.class.getClassLoader())
          .getString(key);
    } catch (MissingResourceException e) {
      return null;
    }
  }
}
