package kr.vaccinepass.portal.enforcement.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import kr.vaccinepass.portal.enforcement.application.EvidenceService;
import kr.vaccinepass.portal.shared.domain.NotFoundException;

/**
 * One evidence photo, {@code /inspector/evidence/photo?id=N}: inspectors only (web.xml), and only
 * of their own 시군구 (the service). The stored type was recognised from the bytes at upload; the
 * browser is told not to guess another one, and the photo is never cached by shared caches.
 */
@WebServlet("/inspector/evidence/photo")
public class EvidencePhotoServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject EvidenceService evidence;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String given = request.getParameter("id");
    if (given == null || !given.matches("[0-9]{1,18}")) {
      // no photo has that address: the portal's 404 page (web.xml), as for another 시군구's photo
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    long id = Long.parseLong(given);
    EvidenceService.Photo photo;
    try {
      photo = evidence.photo(id);
    } catch (NotFoundException e) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(photo.contentType());
    response.setContentLength(photo.bytes().length);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
    response.setHeader("Cache-Control", "private, max-age=300");
    response.setHeader("Content-Disposition", "inline; filename=\"evidence-" + id + "\"");
    response.getOutputStream().write(photo.bytes());
  }
}
