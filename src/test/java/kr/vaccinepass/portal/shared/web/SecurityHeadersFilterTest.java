package kr.vaccinepass.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityHeadersFilterTest {

  @ParameterizedTest(name = "{0}: camera {1}")
  @CsvSource({
    "/owner/scanner.xhtml, (self)",
    "/owner/dashboard.xhtml, ()",
    "/owner/scanner.xhtml/, ()",
    "/public/wallet.xhtml, ()",
    "/public/index.xhtml, ()",
    "/door/, (self)",
    "/door/index.html, (self)",
    "/doors/, ()",
    "/owner/door/, ()"
  })
  void theCameraIsAllowedOnlyOnTheScannerAndTheDoorApp(String path, String camera) {
    assertEquals(
        "camera=" + camera, SecurityHeadersFilter.permissionsFor(path).split(",")[0].strip());
  }
}
