package kr.vaccinepass.portal.enforcement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * An inspector's visit to a facility of their own 시군구: the fines are imposed by the local
 * government where the facility is (domain-rules.md, 과태료).
 */
@Entity
@Table(name = "inspection")
public class Inspection implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "facility_id", nullable = false, updatable = false)
  private long facilityId;

  @Column(name = "sigungu_code", nullable = false, updatable = false)
  private String sigunguCode;

  @Column(name = "inspector_id", nullable = false, updatable = false)
  private long inspectorId;

  @Column(name = "inspected_at", nullable = false)
  private Instant inspectedAt;

  @Column private String notes;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Inspection() {}

  /** Opens an inspection; only an inspector of the facility's 시군구 may, and not in the future. */
  public static Inspection open(
      long facilityId,
      String facilitySigungu,
      Actor inspector,
      Instant inspectedAt,
      String notes,
      Instant now) {
    requireJurisdiction(inspector, facilitySigungu);
    if (inspectedAt == null || inspectedAt.isAfter(now)) {
      throw BusinessException.onField("inspectedAt", "inspection.time.future");
    }
    Inspection inspection = new Inspection();
    inspection.facilityId = facilityId;
    inspection.sigunguCode = facilitySigungu;
    inspection.inspectorId = inspector.accountId();
    inspection.inspectedAt = inspectedAt;
    inspection.notes = notes == null || notes.isBlank() ? null : notes.strip();
    inspection.createdAt = now;
    return inspection;
  }

  /** An inspector acts only in their own 시군구. */
  public static void requireJurisdiction(Actor actor, String sigunguCode) {
    if (!actor.is(Role.INSPECTOR) || !actor.jurisdictionCode().equals(sigunguCode)) {
      // like a missing one: ids reveal nothing, and the message says where to look
      throw new NotFoundException("enforcement.outsideJurisdiction");
    }
  }

  public Long getId() {
    return id;
  }

  public long getFacilityId() {
    return facilityId;
  }

  public String getSigunguCode() {
    return sigunguCode;
  }

  public long getInspectorId() {
    return inspectorId;
  }

  public Instant getInspectedAt() {
    return inspectedAt;
  }

  public String getNotes() {
    return notes;
  }
}
