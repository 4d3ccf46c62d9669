package kr.vaccinepass.portal.identity.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the sign-in page sends a visitor of a protected page, carrying that page along
 * (?continue=/owner/facilities.xhtml), so that after signing in they land where they wanted to go.
 * Used by the authentication mechanism when it sends an anonymous visitor away, and by the sign-in
 * page when it sends them back. Nothing of it is kept in the session.
 */
public final class LoginContinuation {
  public static final String LOGIN_PAGE = "/public/login.xhtml";

  private LoginContinuation() {}

  /** The sign-in page for a visitor of {@code path} (inside the portal) with {@code query}. */
  public static String loginPageFor(String path, String query) {
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
