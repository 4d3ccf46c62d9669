package kr.vaccinepass.portal.shared.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Locale;

/**
 * The user's language: Korean unless they switch to English; it sticks for the session. Reading it
 * never creates a session (the landing page and the public status page must not hand an anonymous
 * visitor a session cookie); only switching does.
 */
@Named
@RequestScoped
public class LocaleBacking {
  static final String SESSION_ATTRIBUTE = LocaleBacking.class.getName();

  @Inject HttpServletRequest request;

  private Locale locale;

  @PostConstruct
  void read() {
    locale = chosen(request.getSession(false));
  }

  /**
   * The language chosen in this session (an {@link HttpSession}, or null for none): Korean unless
   * the user switched to English. The one source of the language, for pages, messages and views.
   */
  public static Locale chosen(Object session) {
    Object chosen = session instanceof HttpSession s ? s.getAttribute(SESSION_ATTRIBUTE) : null;
    return chosen instanceof Locale l ? l : Locale.KOREAN;
  }

  public Locale getLocale() {
    return locale;
  }

  public String getLanguage() {
    return locale.getLanguage();
  }

  public boolean isKorean() {
    return "ko".equals(locale.getLanguage());
  }

  /** Switches to "ko" or "en" and shows the same page again. */
  public void switchTo(String language) throws IOException {
    locale = "en".equals(language) ? Locale.ENGLISH : Locale.KOREAN;
    request.getSession().setAttribute(SESSION_ATTRIBUTE, locale);
    FacesContext ctx = FacesContext.getCurrentInstance();
    ctx.getViewRoot().setLocale(locale);
    var external = ctx.getExternalContext();
    String uri = request.getRequestURI();
    String query = request.getQueryString();
    external.redirect(uri + (query == null ? "" : "?" + query));
  }
}
