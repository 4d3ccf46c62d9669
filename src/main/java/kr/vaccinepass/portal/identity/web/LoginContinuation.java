package kr.vaccinepass.portal.identity.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the sign-in page sends a visitor of a protected page, carrying that page along
 * (?continue=/owner/facilities.xhtml), so that after signing in they land where they wanted to go.
 * Evaluated by the form mechanism's login-to-continue at the moment it sends them away.
 */
@Named
@RequestScoped
public class LoginContinuation {
  public static final String LOGIN_PAGE = "/public/login.xhtml";

  @Inject HttpServletRequest request;

  public String getLoginPage() {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString();
    String target = path + (query == null ? "" : "?" + query);
    return isSafe(target)
        ? LOGIN_PAGE + "?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8)
        : LOGIN_PAGE;
  }

  /** Only a page of this portal, and never the sign-in page itself: no open redirect. */
  public static boolean isSafe(String target) {
    return target != null
        && target.startsWith("/")
        && !target.startsWith("//")
        && !target.contains("\\")
        && !target.contains("://")
        && !target.startsWith(LOGIN_PAGE)
        && target.length() < 2000;
  }
}
