package kr.vaccinepass.portal.enforcement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import kr.vaccinepass.portal.grace.domain.Sanction;
import kr.vaccinepass.portal.grace.domain.SanctionKind;
import kr.vaccinepass.portal.shared.domain.BusinessException;

/**
 * An inspector's decision on a violation's proposed sanction: the suspension (운영 중단) with its first
 * and last day, or the closure order. The fine is decided by the law's table; the sanction "can" be
 * imposed beside it and takes effect only when decided (domain-rules.md, Penalties).
 */
@Entity
@Table(name = "sanction_decision")
public class SanctionDecision {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "violation_id", nullable = false, updatable = false)
  private long violationId;

  @Column(name = "facility_id", nullable = false, updatable = false)
  private long facilityId;

  @Column(name = "sigungu_code", nullable = false, updatable = false)
  private String sigunguCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private SanctionKind kind;

  @Column(name = "starts_on", nullable = false, updatable = false)
  private LocalDate startsOn;

  @Column(name = "ends_on", updatable = false)
  private LocalDate endsOn;

  @Column(name = "decided_at", nullable = false, updatable = false)
  private Instant decidedAt;

  @Column(name = "decided_by", nullable = false, updatable = false)
  private long decidedBy;

  protected SanctionDecision() {}

  /**
   * Decides the violation's proposed suspension or closure, starting on that day (not earlier than
   * today).
   */
  public static SanctionDecision decide(
      Violation violation, LocalDate startsOn, LocalDate today, long by, Instant now) {
    Sanction proposed = violation.proposedSanction();
    if (proposed.kind() != SanctionKind.SUSPENSION && proposed.kind() != SanctionKind.CLOSURE) {
      throw BusinessException.of("sanction.nothingToDecide");
    }
    if (startsOn == null || startsOn.isBefore(today)) {
      throw BusinessException.onField("startsOn", "sanction.start.past");
    }
    SanctionDecision d = new SanctionDecision();
    d.violationId = violation.getId();
    d.facilityId = violation.getFacilityId();
    d.sigunguCode = violation.getSigunguCode();
    d.kind = proposed.kind();
    d.startsOn = startsOn;
    d.endsOn = proposed.kind() == SanctionKind.SUSPENSION ? proposed.lastDay(startsOn) : null;
    d.decidedAt = now;
    d.decidedBy = by;
    return d;
  }

  /** Whether this decision keeps the facility from operating on that day. */
  public boolean inForceOn(LocalDate day) {
    return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
  }

  public Long getId() {
    return id;
  }

  public long getViolationId() {
    return violationId;
  }

  public long getFacilityId() {
    return facilityId;
  }

  public SanctionKind getKind() {
    return kind;
  }

  public LocalDate getStartsOn() {
    return startsOn;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public LocalDate getEndsOn() {
    return endsOn;
  }
}
