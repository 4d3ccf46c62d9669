package kr.vaccinepass.portal.shared.region;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The head of a local government by its kind: 구청장, 시장, 군수 (지방자치법). */
class LocalGovernmentHeadTest {
  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "서울특별시, 종로구, 서울특별시 종로구청장",
    "부산광역시, 중구, 부산광역시 중구청장",
    "경기도, 수원시, 경기도 수원시장",
    "경기도, 양평군, 경기도 양평군수",
    "제주특별자치도, 제주시, 제주특별자치도 제주시장",
    "세종특별자치시, 세종특별자치시, 세종특별자치시장"
  })
  void titles(String sido, String sigungu, String head) {
    assertEquals(head, LocalGovernmentHead.titleKo(sido, sigungu));
  }
}
