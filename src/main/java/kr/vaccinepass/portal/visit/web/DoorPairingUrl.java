package kr.vaccinepass.portal.visit.web;

import jakarta.servlet.http.HttpServletRequest;
import kr.vaccinepass.portal.shared.web.TrustedProxies;

/**
 * Where a browser goes to become a facility's door: {@code <context>/door/#pair=<device key>}. The
 * key is in the fragment, which a browser never sends to a server: it is in no request line, no
 * query string and so no access log; the door app reads it, stores it and removes it from the
 * address (docs/door.md, "Pairing").
 */
public final class DoorPairingUrl {
  /** The door app's page under the portal's context path. */
  public static final String DOOR_PATH = "/door/";

  /** What precedes the device key in the fragment. */
  public static final String FRAGMENT = "#pair=";

  private DoorPairingUrl() {}

  /** The pairing address under the context path ({@code /portal/door/#pair=vpd_…}). */
  public static String path(String contextPath, String secret) {
    if (secret == null || !secret.matches("[A-Za-z0-9_-]+")) {
      // a device key is vpd_ and base64url: nothing to escape; anything else is a bug
      throw new IllegalArgumentException("not a device key");
    }
    return (contextPath == null ? "" : contextPath) + DOOR_PATH + FRAGMENT + secret;
  }

  /**
   * The pairing address as another device opens it (the QR code): this request's origin, https when
   * the browser reached the portal over TLS (here or at a trusted proxy), and its Host.
   */
  public static String absolute(
      String scheme, String host, int port, String contextPath, String secret) {
    String authority =
        host.contains(":") || port <= 0 || isDefault(scheme, port) ? host : host + ":" + port;
    return scheme + "://" + authority + path(contextPath, secret);
  }

  /** {@link #absolute(String, String, int, String, String)} for the request being served. */
  public static String absolute(HttpServletRequest request, String secret) {
    String scheme = TrustedProxies.configured().isSecure(request) ? "https" : request.getScheme();
    String host = request.getHeader("Host");
    return host == null || host.isBlank()
        ? absolute(
            scheme,
            request.getServerName(),
            request.getServerPort(),
            request.getContextPath(),
            secret)
        : absolute(scheme, host.strip(), -1, request.getContextPath(), secret);
  }

  private static boolean isDefault(String scheme, int port) {
    return ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
  }
}
