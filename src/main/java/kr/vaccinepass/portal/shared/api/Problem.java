package kr.vaccinepass.portal.shared.api;

import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** RFC 9457 problem details ({@code application/problem+json}) with the portal's code. */
public final class Problem {
  public static final String MEDIA_TYPE = "application/problem+json";
  public static final String TYPE_BASE = "https://vaccinepass.kr/problems/";

  private Problem() {}

  public static Response of(int status, String code, String detail) {
    return of(status, code, detail, Map.of());
  }

  public static Response of(int status, String code, String detail, Map<String, String> extra) {
    JsonObjectBuilder json =
        JsonBodies.object()
            .add("type", TYPE_BASE + code.toLowerCase().replace('_', '-'))
            .add("title", code)
            .add("status", status)
            .add("code", code);
    if (detail != null) {
      json.add("detail", detail);
    }
    extra.forEach(json::add);
    return Response.status(status).type(MEDIA_TYPE).entity(json.build().toString()).build();
  }
}
