package kr.vaccinepass.portal.shared.web;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * The headers every answer of the portal carries, and the attributes of its cookies.
 *
 * <ul>
 *   <li>Content-Security-Policy: the policy of {@code primefaces.CSP_POLICY} (web.xml). On a Faces
 *       page PrimeFaces sends it with the page's nonce (context parameter {@code primefaces.CSP});
 *       that header replaces the one set here, so a page has exactly one policy.
 *   <li>X-Frame-Options DENY, X-Content-Type-Options nosniff, Referrer-Policy same-origin.
 *   <li>Permissions-Policy: no camera, microphone or location, except the camera on the door
 *       scanner ({@value #SCANNER}) and in the door app ({@value #DOOR_APP}).
 *   <li>Cookies (the session's above all): SameSite=Lax, and Secure when the browser came over
 *       HTTPS, to this server or through a trusted proxy that terminated TLS ({@link
 *       TrustedProxies}); then Strict-Transport-Security too. Undertow does not send the
 *       cookie-config attributes of web.xml, so they are set here on the exchange, just before the
 *       headers are written.
 * </ul>
 *
 * The machine API ({@code /api/}) gets nosniff only: it answers JSON, and the door's hot path stays
 * as light as it was.
 */
public class SecurityHeadersFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;

  public static final String SCANNER = "/owner/scanner.xhtml";

  /** The door app (docs/door.md section 5): it may use the camera too. */
  static final String DOOR_APP = "/door/";

  static final String CSP = "Content-Security-Policy";
  static final String NO_FEATURES =
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";
  static final String SCANNER_FEATURES =
      "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()";

  private String policy;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    String configured = config.getServletContext().getInitParameter("primefaces.CSP_POLICY");
    policy =
        configured == null || configured.isBlank()
            ? "default-src 'self'; frame-ancestors 'none'; object-src 'none'; script-src 'self'"
            : configured.strip();
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (path.startsWith("/api/")) {
      chain.doFilter(request, response); // sessionless JSON: nothing more, on the door's hot path
      return;
    }
    boolean secure = TrustedProxies.configured().isSecure(request);
    onCookies(secure);
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Permissions-Policy", permissionsFor(path));
    if (secure) {
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    response.setHeader(CSP, policy);
    chain.doFilter(request, new OnePolicy(response));
  }

  static String permissionsFor(String path) {
    return SCANNER.equals(path) || path.startsWith(DOOR_APP) ? SCANNER_FEATURES : NO_FEATURES;
  }

  /** SameSite on every cookie of the answer, and Secure over HTTPS, as the headers go out. */
  private static void onCookies(boolean secure) {
    ServletRequestContext current = ServletRequestContext.current();
    if (current == null) {
      return;
    }
    HttpServerExchange exchange = current.getExchange();
    exchange.addResponseCommitListener(
        ex -> {
          for (Cookie cookie : ex.responseCookies()) {
            if (cookie.getSameSiteMode() == null) {
              cookie.setSameSiteMode("Lax");
            }
            if (secure) {
              cookie.setSecure(true);
            }
          }
        });
  }

  /** A policy added later (PrimeFaces', with the nonce) replaces the one set by the filter. */
  private static final class OnePolicy extends HttpServletResponseWrapper {
    OnePolicy(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (CSP.equalsIgnoreCase(name)) {
        super.setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
