package kr.vaccinepass.portal.grace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A scope means what the administrator sees on the form: a 시도 chosen with no 시군구 under it is the
 * whole 시도; 시군구 chosen under a 시도 are only those 시군구 (the 시도 then only narrowed the list); a 시군구
 * chosen without its 시도 is that 시군구.
 */
class GraceScopeTest {
  private static final String SEOUL = "1100000000";
  private static final String JONGNO = "1111000000";
  private static final String GANGNAM = "1168000000";
  private static final String BUSAN = "2600000000";
  private static final String BUSAN_JUNG = "2611000000";
  private static final String HAEUNDAE = "2635000000";
  private static final String GYEONGGI = "4100000000";
  private static final String SUWON = "4111000000";

  @ParameterizedTest(name = "시도 [{0}] 시군구 [{1}]: case in {3} → {4}")
  @CsvSource({
    // columns: chosen 시도, chosen 시군구 (space-separated), the case's 시도, 시군구, covered
    "'',                  '',                 " + BUSAN + ", " + HAEUNDAE + ", true", // nationwide
    SEOUL + ",            '',                 " + SEOUL + ", " + GANGNAM + ", true", // whole 시도
    SEOUL + ",            " + JONGNO + ",     " + SEOUL + ", " + JONGNO + ", true", // narrowed
    SEOUL + ",            " + JONGNO + ",     " + SEOUL + ", " + GANGNAM + ", false", // not all
    SEOUL + ",            " + JONGNO + " " + GANGNAM + ", " + SEOUL + ", " + GANGNAM + ", true",
    SEOUL + " " + BUSAN + ", " + JONGNO + ",  " + BUSAN + ", " + HAEUNDAE + ", true", // Busan whole
    SEOUL + " " + BUSAN + ", " + JONGNO + ",  " + SEOUL + ", " + GANGNAM + ", false",
    SEOUL + ",            " + BUSAN_JUNG + ", " + SEOUL + ", " + GANGNAM + ", true", // two places
    SEOUL + ",            " + BUSAN_JUNG + ", " + BUSAN + ", " + BUSAN_JUNG + ", true",
    SEOUL + ",            " + BUSAN_JUNG + ", " + BUSAN + ", " + HAEUNDAE + ", false",
    "'',                  " + SUWON + ",      " + GYEONGGI + ", " + SUWON + ", true",
    "'',                  " + SUWON + ",      " + SEOUL + ", " + JONGNO + ", false",
  })
  void theScopeIsWhatTheAdministratorSees(
      String sido, String sigungu, String caseSido, String caseSigungu, boolean covered) {
    GraceScope scope = GraceScope.asChosen(codes(sido), codes(sigungu));
    assertEquals(covered, scope.covers(caseSido, caseSigungu, "RESTAURANT_CAFE"));
  }

  @Test
  void aSidoThatOnlyNarrowedTheListIsNotKept() {
    GraceScope scope = GraceScope.asChosen(Set.of(SEOUL, BUSAN), Set.of(JONGNO, GANGNAM));
    assertEquals(Set.of(BUSAN), scope.sidoCodes());
    assertEquals(Set.of(JONGNO, GANGNAM), scope.sigunguCodes());
    assertEquals(scope, new GraceScope(Set.of(SEOUL, BUSAN), Set.of(JONGNO, GANGNAM), Set.of()));
  }

  @Test
  void aSigunguBelongsToTheSidoOfItsCode() {
    assertEquals(SEOUL, GraceScope.sidoOf(JONGNO));
    assertEquals(BUSAN, GraceScope.sidoOf(HAEUNDAE));
    assertEquals("3600000000", GraceScope.sidoOf("3611000000"));
  }

  private static Set<String> codes(String spaceSeparated) {
    return Arrays.stream(spaceSeparated.trim().split("\\s+"))
        .filter(s -> !s.isBlank())
        .collect(Collectors.toSet());
  }
}
