package kr.vaccinepass.portal.facility.domain;

/**
 * What a list of facilities is filtered by; every field may be null (no filter).
 *
 * @param text matched against name, business number, 080 number and road address
 */
public record FacilityFilter(
    String text, String typeCode, String sidoCode, String sigunguCode, FacilityStatus status) {
  public static FacilityFilter none() {
    return new FacilityFilter(null, null, null, null, null);
  }
}
