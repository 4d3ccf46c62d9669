package kr.vaccinepass.portal.enforcement.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.enforcement.domain.Evidence;
import org.junit.jupiter.api.Test;

/** The container's multipart limits are the gate's, which are the domain's photo limit. */
class UploadGateTest {
  @Test
  void theFacesServletsMultipartLimitsAreTheGates() throws Exception {
    String webXml = Files.readString(Path.of("src/main/webapp/WEB-INF/web.xml"));
    assertEquals(UploadGate.MAX_REQUEST_BYTES, element(webXml, "max-file-size"));
    assertEquals(UploadGate.MAX_REQUEST_BYTES, element(webXml, "max-request-size"));
    assertTrue(
        UploadGate.MAX_REQUEST_BYTES > Evidence.MAX_BYTES, "a photo just over reaches the page");
    assertTrue(
        UploadGate.MAX_REQUEST_BYTES <= Evidence.MAX_BYTES + 64 * 1024,
        "and hardly more than a photo");
  }

  @Test
  void theUploadPageExists() {
    assertTrue(Files.isRegularFile(Path.of("src/main/webapp" + UploadGate.UPLOAD_PAGE)));
    assertTrue(Files.isRegularFile(Path.of("src/main/webapp" + UploadGate.REFUSAL_PAGE)));
  }

  private static long element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">\\s*(\\d+)\\s*</" + name + ">").matcher(xml);
    assertTrue(m.find(), name);
    return Long.parseLong(m.group(1));
  }
}
