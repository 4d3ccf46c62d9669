package kr.vaccinepass.portal.visit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The door's facility as the device's cookie names it: a facility id or nothing. Whether the owner
 * owns it is decided by the owner's own list of facilities (ScannerJourneyIT).
 */
class DoorFacilityCookieTest {

  @ParameterizedTest
  @ValueSource(strings = {"1", "42", "123456789012345678"})
  void anIdIsRead(String value) {
    assertEquals(Long.valueOf(value), DoorFacilityCookie.parse(value));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"0", "-1", "01", " 1", "1 ", "1;2", "abc", "1e3", "9999999999999999999", "１"})
  void anythingElseNamesNoFacility(String value) {
    assertNull(DoorFacilityCookie.parse(value));
  }
}
