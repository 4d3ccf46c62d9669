package kr.vaccinepass.portal.shared.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /api/openapi.yaml}: the OpenAPI 3.1 description of the machine API, kept beside the
 * code (src/main/resources/openapi.yaml) and checked against the resources by OpenApiDocumentTest.
 */
@ApplicationScoped
@Path("/openapi.yaml")
public class OpenApiResource {
  public static final String DOCUMENT = "/openapi.yaml";

  @GET
  @Produces("application/yaml")
  public String document() {
    try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
      if (in == null) {
        throw new NotFoundException();
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
