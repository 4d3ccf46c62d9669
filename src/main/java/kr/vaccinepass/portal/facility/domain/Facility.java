package kr.vaccinepass.portal.facility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.security.Actor;

/**
 * A multi-use facility run by an owner. It knows who may see it (its owner, the inspectors of its
 * 시군구, administrators) and what makes its stated details consistent.
 */
@Entity
@Table(name = "facility")
public class Facility implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "owner_id", nullable = false)
  private long ownerId;

  @Column(nullable = false)
  private String name;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "type_code")
  private FacilityType type;

  @Column(name = "business_number", nullable = false)
  private String businessNumber;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "sigungu_code")
  private Sigungu sigungu;

  @Column(name = "road_address", nullable = false)
  private String roadAddress;

  @Column(name = "floor_area_m2")
  private BigDecimal floorAreaM2;

  private Integer capacity;

  @Column(name = "safe_call_number", nullable = false, updatable = false)
  private String safeCallNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FacilityStatus status = FacilityStatus.ACTIVE;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Facility() {}

  /** A new facility of the owner, with the 080 number the portal assigned to it. */
  public static Facility register(
      long ownerId, FacilityDetails details, String safeCallNumber, Instant now) {
    Facility facility = new Facility();
    facility.ownerId = ownerId;
    facility.safeCallNumber = safeCallNumber;
    facility.createdAt = now;
    facility.apply(details, now);
    return facility;
  }

  /**
   * The owner corrects the stated details; the 080 number and the owner stay. While the facility
   * has open cases, the facts those cases were logged under stay too: its 시군구 (the local government
   * that imposes the fine, domain-rules.md 과태료), its type and its business number.
   */
  public void update(FacilityDetails details, boolean hasOpenCases, Instant now) {
    if (status == FacilityStatus.CLOSED) {
      throw BusinessException.of("facility.closed");
    }
    if (hasOpenCases) {
      String changed = changedCaseFact(details);
      if (changed != null) {
        throw BusinessException.onField(changed, "facility.openCases.factsFixed");
      }
    }
    apply(details, now);
  }

  /**
   * The form field of the first fact of a case (시군구, type, business number) these details would
   * change, or null when they change none.
   */
  public String changedCaseFact(FacilityDetails details) {
    if (!details.sigungu().getCode().equals(sigungu.getCode())) {
      return "sigunguCode";
    }
    if (!details.type().getCode().equals(type.getCode())) {
      return "typeCode";
    }
    if (!details.businessNumber().digits().equals(businessNumber)) {
      return "businessNumber";
    }
    return null;
  }

  private void apply(FacilityDetails details, Instant now) {
    // 대규모 점포 means a store of 3,000 m² or more (Metro Seoul, 2022-01-10): the type needs the area
    if (!details.type().admitsFloorArea(details.floorAreaM2())) {
      throw BusinessException.onField(
          "floorArea", "facility.floorArea.tooSmallForType", details.type().getMinFloorAreaM2());
    }
    this.name = details.name().strip();
    this.type = details.type();
    this.businessNumber = details.businessNumber().digits();
    this.sigungu = details.sigungu();
    this.roadAddress = details.roadAddress().strip();
    this.floorAreaM2 = details.floorAreaM2();
    this.capacity = details.capacity();
    this.updatedAt = now;
  }

  /**
   * Its status from the sanctions decided against it: a closure order closes it for good, a
   * suspension in force suspends it, otherwise it operates. True when the status changed.
   */
  public boolean applySanctions(boolean closureOrdered, boolean suspendedToday, Instant now) {
    FacilityStatus next =
        status == FacilityStatus.CLOSED || closureOrdered
            ? FacilityStatus.CLOSED
            : suspendedToday ? FacilityStatus.SUSPENDED : FacilityStatus.ACTIVE;
    if (next == status) {
      return false;
    }
    status = next;
    updatedAt = now;
    return true;
  }

  /** Its owner, the inspectors of its 시군구, and administrators see a facility; nobody else. */
  public boolean isVisibleTo(Actor actor) {
    return switch (actor.role()) {
      case OWNER -> actor.accountId() == ownerId;
      case INSPECTOR -> actor.jurisdictionCode().equals(sigungu.getCode());
      case ADMIN -> true;
      case INVESTIGATOR -> false;
    };
  }

  /** Only its owner changes a facility's stated details. */
  public boolean isEditableBy(Actor actor) {
    return actor.role() == kr.vaccinepass.portal.shared.security.Role.OWNER
        && actor.accountId() == ownerId;
  }

  public Long getId() {
    return id;
  }

  public long getOwnerId() {
    return ownerId;
  }

  public String getName() {
    return name;
  }

  public FacilityType getType() {
    return type;
  }

  public BusinessRegistrationNumber getBusinessNumber() {
    return BusinessRegistrationNumber.parse(businessNumber);
  }

  public Sigungu getSigungu() {
    return sigungu;
  }

  public String getRoadAddress() {
    return roadAddress;
  }

  public BigDecimal getFloorAreaM2() {
    return floorAreaM2;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public String getSafeCallNumber() {
    return safeCallNumber;
  }

  public FacilityStatus getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
