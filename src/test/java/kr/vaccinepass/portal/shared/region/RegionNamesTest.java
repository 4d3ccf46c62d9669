package kr.vaccinepass.portal.shared.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every region has its English name as data, in the government's Revised Romanization: a 시군구 ends
 * in -gu, -si or -gun as its Korean name ends in 구, 시 or 군; a 시도 has a name of Latin letters.
 */
class RegionNamesTest {
  private static final Pattern SIGUNGU_ROW =
      Pattern.compile("\\('(\\d{10})', '(\\d{10})', '([^']+)', +'([^']*)'\\)");
  private static final Pattern SIDO_ROW =
      Pattern.compile("\\('(\\d{10})', '([^']+)', +'([^']*)', +\\d+\\)");

  @Test
  void everyRegionHasItsRomanizedName() throws IOException {
    String sql = Files.readString(Path.of("db/migration/V1__regions.sql"));
    Set<String> wrong = new TreeSet<>();
    int sigungu = 0;
    Matcher m = SIGUNGU_ROW.matcher(sql);
    while (m.find()) {
      sigungu++;
      String ko = m.group(3);
      String en = m.group(4);
      String suffix =
          switch (ko.charAt(ko.length() - 1)) {
            case '구' -> "-gu";
            case '시' -> "-si";
            case '군' -> "-gun";
            default -> "?";
          };
      if (!en.matches("[A-Z][a-z]+(-[a-z]+)*") || !en.endsWith(suffix)) {
        wrong.add(ko + "=" + en);
      }
    }
    int sido = 0;
    Matcher s = SIDO_ROW.matcher(sql);
    while (s.find()) {
      sido++;
      if (!s.group(3).matches("[A-Z][a-z]+(-[a-z]+)*")) {
        wrong.add(s.group(2) + "=" + s.group(3));
      }
    }
    assertEquals(Set.of(), wrong);
    assertEquals(229, sigungu, "every 시군구 of the seed");
    assertEquals(17, sido, "every 시도");
  }
}
