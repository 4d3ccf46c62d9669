package kr.vaccinepass.portal.shared.region;

/**
 * The title of the head of a local government, who imposes its fines and signs its notices: the
 * head of a 시 is its 시장, of a 군 its 군수, of a 자치구 its 구청장 (지방자치법, 지방자치단체의 장).
 */
public final class LocalGovernmentHead {
  private LocalGovernmentHead() {}

  /**
   * "서울특별시 종로구청장", "경기도 수원시장", "경기도 양평군수", "세종특별자치시장" (a single-tier government whose 시군구 row is
   * the 시도 itself).
   */
  public static String titleKo(String sidoNameKo, String sigunguNameKo) {
    String government =
        sigunguNameKo.equals(sidoNameKo) ? sidoNameKo : sidoNameKo + " " + sigunguNameKo;
    if (sigunguNameKo.endsWith("구")) {
      return government + "청장";
    }
    if (sigunguNameKo.endsWith("군")) {
      return government + "수";
    }
    // 시, 특별자치시
    return government + "장";
  }
}
