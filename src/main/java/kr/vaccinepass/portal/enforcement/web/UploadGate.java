package kr.vaccinepass.portal.enforcement.web;

import io.undertow.servlet.handlers.ServletRequestContext;
import io.undertow.util.Headers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import kr.vaccinepass.portal.enforcement.domain.Evidence;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * The only upload of the portal is an evidence photo on the case page, by an inspector. The Faces
 * servlet's multipart-config (web.xml) applies to every page, so this gate refuses a multipart body
 * everywhere else and from anybody else (415), and one larger than a photo of {@link
 * Evidence#MAX_BYTES} with the other fields of its form (413), without parsing it (an inspector's
 * too large upload, up to 10 MB, is read away unparsed so that their browser gets the answer). The
 * refusal is the portal's page {@code /error/upload.xhtml}, which says why; an AJAX request (the
 * case page's upload is one) is sent there by a partial-response redirect, since PrimeFaces shows
 * nothing of an error status. A photo a little over the limit but within the request size reaches
 * the page, which refuses it next to its field. The machine API ({@code /api/*}) answers for
 * itself.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UploadGate extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** The page with the evidence upload. */
  public static final String UPLOAD_PAGE = "/inspector/case.xhtml";

  /** The photo's limit and 64 KiB for the form's other fields and the multipart framing. */
  public static final long MAX_REQUEST_BYTES = Evidence.MAX_BYTES + 64 * 1024;

  static final String REFUSAL_PAGE = "/error/upload.xhtml";

  /**
   * Undertow's default {@code max-post-size} of the HTTP listener: a larger body makes the server
   * close the connection itself, and the browser shows nothing.
   */
  static final long DRAINED_AT_MOST = 10L * 1024 * 1024;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String type = request.getContentType();
    String path =
        request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("multipart/")
        || path.startsWith("/api/")) {
      chain.doFilter(request, response);
      return;
    }
    if (!UPLOAD_PAGE.equals(path) || !request.isUserInRole(Role.INSPECTOR_NAME)) {
      refuse(request, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "notAccepted");
    } else if (request.getContentLengthLong() < 0
        || request.getContentLengthLong() > MAX_REQUEST_BYTES) {
      long length = request.getContentLengthLong();
      if (length >= 0 && length <= DRAINED_AT_MOST) {
        // an inspector's browser answered while still sending drops the answer: read the body
        // away (unparsed, unstored) so that the page the refusal sends it to is shown. Undertow
        // caps a request to the Faces servlet at its multipart-config size; lift that for this.
        ServletRequestContext.requireCurrent().getExchange().setMaxEntitySize(DRAINED_AT_MOST);
        request.getInputStream().transferTo(OutputStream.nullOutputStream());
      }
      refuse(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "tooLarge");
    } else {
      chain.doFilter(request, response);
    }
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, int status, String reason)
      throws IOException, ServletException {
    // not "Connection: close": Undertow then reads the rest of the body away (up to the listener's
    // max-post-size), so that the browser, still sending, gets to read the answer
    if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + request.getContextPath()
                  + REFUSAL_PAGE
                  + "?reason="
                  + reason
                  + "\"/></partial-response>");
      return;
    }
    response.setStatus(status);
    // Undertow parses a multipart body as soon as anything asks for a parameter (the page's forms
    // do), whatever the request object says: without its type, the body is no form data to it
    ServletRequestContext.requireCurrent()
        .getExchange()
        .getRequestHeaders()
        .remove(Headers.CONTENT_TYPE);
    request.getRequestDispatcher(REFUSAL_PAGE).forward(new PlainGet(request, reason), response);
  }

  /**
   * The refused request as the refusal page must see it: a GET with no body and one parameter, so
   * that Faces neither parses the multipart body nor takes it for a postback.
   */
  private static final class PlainGet extends HttpServletRequestWrapper {
    private final Map<String, String[]> parameters;

    PlainGet(HttpServletRequest request, String reason) {
      super(request);
      parameters = Map.of("reason", new String[] {reason});
    }

    @Override
    public String getMethod() {
      return "GET";
    }

    @Override
    public String getContentType() {
      return null;
    }

    @Override
    public long getContentLengthLong() {
      return -1;
    }

    @Override
    public int getContentLength() {
      return -1;
    }

    @Override
    public String getParameter(String name) {
      String[] values = parameters.get(name);
      return values == null ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
      return parameters;
    }

    @Override
    public Enumeration<String> getParameterNames() {
      return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
      return parameters.get(name);
    }

    @Override
    public String getHeader(String name) {
      return "Faces-Request".equalsIgnoreCase(name) ? null : super.getHeader(name);
    }
  }
}
