package kr.vaccinepass.portal.visit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * An investigator's request to read visit records for an epidemiological investigation: its legal
 * basis, the case it serves, what it traces (a facility, or a confirmed visitor's pseudonymous
 * holder id with its issuer) and the window. A facility outside the investigator's region needs a
 * reason and is flagged to administrators. A trace stores no result: its visits are read again each
 * time it is opened or exported, and it is destroyed with them (on day D+29 for a trace of day D).
 */
@Entity
@Table(name = "trace")
public class Trace implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The longest case reference and reason. */
  public static final int CASE_REF_MAX = 60;

  public static final int REASON_MAX = 500;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "investigator_id", nullable = false, updatable = false)
  private long investigatorId;

  @Column(name = "authority_code", nullable = false, updatable = false)
  private String authorityCode;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private TraceBasis basis;

  @Column(name = "case_ref", nullable = false, updatable = false)
  private String caseRef;

  @Column(name = "facility_id", updatable = false)
  private Long facilityId;

  @Column(name = "issuer_code", updatable = false)
  private String issuerCode;

  @Column(name = "holder_id", updatable = false)
  private String holderId;

  @Column(name = "window_from", nullable = false, updatable = false)
  private Instant windowFrom;

  @Column(name = "window_to", nullable = false, updatable = false)
  private Instant windowTo;

  @Column(name = "out_of_region", nullable = false, updatable = false)
  private boolean outOfRegion;

  @Column(updatable = false)
  private String reason;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected Trace() {}

  /** What the investigator asks for, before the rules are applied. */
  public record Request(
      TraceBasis basis,
      String caseRef,
      Long facilityId,
      String issuerCode,
      String holderId,
      Instant from,
      Instant to,
      String reason) {}

  /** Where the traced facility lies, when a facility is traced. */
  public record Place(String sidoCode, String sigunguCode) {}

  /**
   * Applies the rules: a basis and a case reference are required, exactly one of a facility or a
   * holder (with its issuer), a window in the kept past; a facility outside the investigator's
   * region only with a reason, and then flagged.
   */
  public static Trace request(
      Actor investigator,
      HealthAuthority authority,
      Request r,
      Place place,
      Instant now,
      Instant firstKept) {
    if (!investigator.is(Role.INVESTIGATOR)) {
      throw new IllegalArgumentException("only an investigator traces");
    }
    // every refusal at once, so that the form reports all its errors in one round
    List<BusinessException> refused = new ArrayList<>();
    if (r.basis() == null) {
      refused.add(BusinessException.onField("basis", "trace.basis.required"));
    }
    String caseRef = r.caseRef() == null ? "" : r.caseRef().strip();
    if (caseRef.isEmpty()) {
      refused.add(BusinessException.onField("caseRef", "trace.caseRef.required"));
    } else if (caseRef.length() > CASE_REF_MAX || !TextRules.isSingleLine(caseRef)) {
      refused.add(BusinessException.onField("caseRef", "trace.caseRef.invalid", CASE_REF_MAX));
    }
    boolean byFacility = r.facilityId() != null;
    boolean byHolder = r.holderId() != null && !r.holderId().isBlank();
    if (byFacility == byHolder) {
      refused.add(BusinessException.onField("subject", "trace.subject.oneOf"));
    } else if (byHolder && (r.issuerCode() == null || r.issuerCode().isBlank())) {
      refused.add(BusinessException.onField("issuer", "trace.issuer.required"));
    } else if (byFacility && place == null) {
      refused.add(BusinessException.onField("facility", "trace.facility.notFound"));
    }
    TraceWindow window = null;
    try {
      window = TraceWindow.of(r.from(), r.to(), now, firstKept);
    } catch (BusinessException e) {
      refused.add(e);
    }
    String reason = r.reason() == null || r.reason().isBlank() ? null : r.reason().strip();
    if (reason != null && (reason.length() > REASON_MAX || !TextRules.isPlainText(reason))) {
      refused.add(BusinessException.onField("reason", "trace.reason.invalid", REASON_MAX));
    }
    boolean outside =
        byFacility && place != null && !authority.covers(place.sidoCode(), place.sigunguCode());
    if (outside && reason == null) {
      refused.add(BusinessException.onField("reason", "trace.reason.outsideRegion"));
    }
    BusinessException.together(refused)
        .ifPresent(
            e -> {
              throw e;
            });
    Trace t = new Trace();
    t.investigatorId = investigator.accountId();
    t.authorityCode = authority.code();
    t.basis = r.basis();
    t.caseRef = caseRef;
    t.facilityId = byFacility ? r.facilityId() : null;
    t.issuerCode = byHolder ? r.issuerCode().strip() : null;
    t.holderId = byHolder ? r.holderId().strip() : null;
    t.windowFrom = window.from();
    t.windowTo = window.to();
    t.outOfRegion = outside;
    t.reason = reason;
    t.createdAt = now;
    return t;
  }

  /** Only the investigator who asked opens their trace again. */
  public boolean isOf(Actor actor) {
    return actor.is(Role.INVESTIGATOR) && actor.accountId() == investigatorId;
  }

  /** The day a trace of the day it was made is destroyed: 29 days later, with the visits. */
  public LocalDate expiresOn() {
    return createdAt.atZone(Kst.ZONE).toLocalDate().plusDays(29);
  }

  public boolean isExpiredAt(Instant now) {
    return !now.atZone(Kst.ZONE).toLocalDate().isBefore(expiresOn());
  }

  public TraceWindow window() {
    return new TraceWindow(windowFrom, windowTo);
  }

  public boolean isOfFacility() {
    return facilityId != null;
  }

  public Long getId() {
    return id;
  }

  public long getInvestigatorId() {
    return investigatorId;
  }

  public String getAuthorityCode() {
    return authorityCode;
  }

  public TraceBasis getBasis() {
    return basis;
  }

  public String getCaseRef() {
    return caseRef;
  }

  public Long getFacilityId() {
    return facilityId;
  }

  public String getIssuerCode() {
    return issuerCode;
  }

  /** Pseudonymous: only its issuer can tell whose it is. */
  public String getHolderId() {
    return holderId;
  }

  public Instant getWindowFrom() {
    return windowFrom;
  }

  public Instant getWindowTo() {
    return windowTo;
  }

  public boolean isOutOfRegion() {
    return outOfRegion;
  }

  public String getReason() {
    return reason;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
