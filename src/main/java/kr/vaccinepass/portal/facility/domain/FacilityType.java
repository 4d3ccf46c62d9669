package kr.vaccinepass.portal.facility.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.vaccinepass.portal.shared.domain.LocalizedName;

/**
 * A kind of multi-use facility (다중이용시설), kept as data (db/migration) so a new notice is a new row,
 * not a release. Whether the pass applies is decided by its coverage periods.
 */
@Entity
@Table(name = "facility_type")
public class FacilityType implements Serializable {
  /** The code of restaurants and cafés (식당·카페). */
  public static final String RESTAURANT_CAFE = "RESTAURANT_CAFE";

  private static final long serialVersionUID = 1L;

  @Id private String code;

  @Embedded private LocalizedName name;

  /** The smallest floor area a facility of this type has, e.g. 3,000 m² for 대규모 점포. */
  @Column(name = "min_floor_area_m2")
  private BigDecimal minFloorAreaM2;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "facility_type_coverage", joinColumns = @JoinColumn(name = "type_code"))
  private List<CoveragePeriod> coverage = new ArrayList<>();

  protected FacilityType() {}

  public FacilityType(
      String code,
      String nameKo,
      String nameEn,
      BigDecimal minFloorAreaM2,
      List<CoveragePeriod> coverage) {
    this.code = code;
    this.name = new LocalizedName(nameKo, nameEn);
    this.minFloorAreaM2 = minFloorAreaM2;
    this.coverage = new ArrayList<>(coverage);
  }

  /** Whether the vaccine pass applied to this type at that instant. */
  public boolean isCoveredAt(Instant instant) {
    return coverage.stream().anyMatch(p -> p.contains(instant));
  }

  /** Whether the floor area (null when not given) fits this type. */
  public boolean admitsFloorArea(BigDecimal floorAreaM2) {
    return minFloorAreaM2 == null
        || (floorAreaM2 != null && floorAreaM2.compareTo(minFloorAreaM2) >= 0);
  }

  public String getCode() {
    return code;
  }

  /**
   * Whether this is the restaurant and café type, the one type whose dining-party rule lets an
   * unvaccinated visitor in alone (domain-rules.md, "Who holds a valid pass").
   */
  public boolean isRestaurantOrCafe() {
    return RESTAURANT_CAFE.equals(code);
  }

  public String getNameKo() {
    return name.ko();
  }

  public String name(Locale locale) {
    return name.in(locale);
  }

  public BigDecimal getMinFloorAreaM2() {
    return minFloorAreaM2;
  }

  public int getSortOrder() {
    return sortOrder;
  }

  public List<CoveragePeriod> getCoverage() {
    return List.copyOf(coverage);
  }
}
