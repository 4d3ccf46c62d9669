package kr.vaccinepass.portal.shared.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;

/** The user's language: Korean unless they switch to English; it sticks for the session. */
@Named
@SessionScoped
public class LocaleBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  private Locale locale = Locale.KOREAN;

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
    FacesContext ctx = FacesContext.getCurrentInstance();
    ctx.getViewRoot().setLocale(locale);
    var external = ctx.getExternalContext();
    String uri = ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getRequestURI();
    String query =
        ((jakarta.servlet.http.HttpServletRequest) external.getRequest()).getQueryString();
    external.redirect(uri + (query == null ? "" : "?" + query));
  }
}
