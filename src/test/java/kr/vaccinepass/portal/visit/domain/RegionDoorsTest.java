package kr.vaccinepass.portal.visit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The order administrators read the doors per 시군구 in: most troubled first (RegionDoors). */
class RegionDoorsTest {
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // regions as code:counted/silent/degraded/queued | expected order of codes
        // silent and degraded count alike
        "A:5/0/0/0 B:5/2/0/0 C:5/0/3/0 | C B A",
        "A:3/1/1/0 B:9/1/0/0 | A B",
        // equally troubled: the most queued visits first, then the most doors
        "A:4/1/0/10 B:4/1/0/50 | B A",
        "A:2/1/0/5 B:8/1/0/5 | B A",
        // all equal: by code, so the page does not reshuffle
        "11680:1/0/0/0 11110:1/0/0/0 | 11110 11680",
        "A:1/0/0/0 | A",
      })
  void mostTroubledFirst(String regions, String expected) {
    List<RegionDoors> sorted =
        Arrays.stream(regions.split(" "))
            .map(RegionDoorsTest::region)
            .sorted(RegionDoors.MOST_TROUBLED_FIRST)
            .toList();

    assertEquals(
        List.of(expected.split(" ")), sorted.stream().map(RegionDoors::sigunguCode).toList());
  }

  private static RegionDoors region(String text) {
    String[] parts = text.split(":");
    long[] n = Arrays.stream(parts[1].split("/")).mapToLong(Long::parseLong).toArray();
    return new RegionDoors(parts[0], n[0], n[1], n[2], n[3]);
  }
}
