package kr.vaccinepass.portal.visit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a browser goes to become a door: the key in the fragment, never in a query string. */
class DoorPairingUrlTest {
  @ParameterizedTest(name = "{0} {1} {2} {3} → {4}")
  @CsvSource(
      nullValues = "-",
      value = {
        // scheme, host (the Host header when it has a port), port (-1: from the header), context
        "http,  127.0.0.1:8080,    -1,   /portal, http://127.0.0.1:8080/portal/door/#pair=vpd_Ab-_9",
        "https, pass.example.kr,   -1,   /portal, https://pass.example.kr/portal/door/#pair=vpd_Ab-_9",
        "https, pass.example.kr,   443,  '',      https://pass.example.kr/door/#pair=vpd_Ab-_9",
        "http,  localhost,         80,   /portal, http://localhost/portal/door/#pair=vpd_Ab-_9",
        "http,  localhost,         8080, /portal, http://localhost:8080/portal/door/#pair=vpd_Ab-_9",
        "https, localhost,         8443, -,       https://localhost:8443/door/#pair=vpd_Ab-_9",
      })
  void theKeyIsInTheFragment(
      String scheme, String host, int port, String context, String expected) {
    assertEquals(expected, DoorPairingUrl.absolute(scheme, host, port, context, "vpd_Ab-_9"));
  }

  @org.junit.jupiter.api.Test
  void underTheContextPath() {
    assertEquals("/portal/door/#pair=vpd_x", DoorPairingUrl.path("/portal", "vpd_x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "vpd_x?y=1", "vpd_x#z", "vpd x", "vpd_x&pair=evil"})
  void onlyADeviceKeyGoesIntoTheAddress(String secret) {
    assertThrows(IllegalArgumentException.class, () -> DoorPairingUrl.path("/portal", secret));
  }
}
