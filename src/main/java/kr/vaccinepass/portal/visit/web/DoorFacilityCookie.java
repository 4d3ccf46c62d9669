package kr.vaccinepass.portal.visit.web;

import jakarta.faces.context.ExternalContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.shared.web.SecurityHeadersFilter;
import kr.vaccinepass.portal.shared.web.TrustedProxies;

/**
 * The facility of the door this device stands at, remembered on the device (a cookie), so that
 * every new session of the scanner opens at that facility and not at the owner's alphabetically
 * first. Only a hint from the browser: the scanner uses it only when the signed-in owner owns that
 * facility ({@code OwnerFacilityChoice.pick} among the owner's own), so a cookie that names someone
 * else's facility, or anything that is not an id, is ignored. HttpOnly (no script reads it),
 * SameSite=Strict, Secure over HTTPS, and sent only to the scanner page.
 */
final class DoorFacilityCookie {
  static final String NAME = "portal-door-facility";

  /** A door stays where it is: a year, renewed whenever the owner chooses the facility again. */
  static final Duration KEPT = Duration.ofDays(365);

  private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

  private DoorFacilityCookie() {}

  /** The facility id the cookie's value names, or null when it names none. */
  static Long parse(String value) {
    return value != null && ID.matcher(value).matches() ? Long.valueOf(value) : null;
  }

  /** The facility this device's scanner was last set to, unchecked (see the class comment). */
  static Long read(ExternalContext external) {
    Object cookie = external.getRequestCookieMap().get(NAME);
    return cookie instanceof Cookie c ? parse(c.getValue()) : null;
  }

  /** Remembers the facility on this device. */
  static void write(ExternalContext external, long facilityId) {
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    Cookie cookie = new Cookie(NAME, Long.toString(facilityId));
    cookie.setPath(request.getContextPath() + SecurityHeadersFilter.SCANNER);
    cookie.setMaxAge((int) KEPT.toSeconds());
    cookie.setHttpOnly(true);
    // over HTTPS, also behind a trusted balancer (as the session's cookie)
    cookie.setSecure(TrustedProxies.configured().isSecure(request));
    cookie.setAttribute("SameSite", "Strict");
    ((HttpServletResponse) external.getResponse()).addCookie(cookie);
  }
}
