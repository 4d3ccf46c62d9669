package kr.vaccinepass.portal.enforcement.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.UUID;
import kr.vaccinepass.portal.grace.domain.CaseFacts;
import kr.vaccinepass.portal.grace.domain.Sanction;
import kr.vaccinepass.portal.grace.domain.SanctionKind;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.FieldSeals;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.domain.PersonNames;
import kr.vaccinepass.portal.shared.domain.PhoneNumbers;

/**
 * A violation logged during an inspection, with the penalty the law set for it when it was logged
 * (kept, so a later change of the table never rewrites a case) and, when there is a fine, its case.
 * A visitor's name, birth date and phone are encrypted at rest.
 */
@Entity
@Table(name = "violation")
public class Violation implements Serializable, CountedViolation {
  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "inspection_id", updatable = false)
  private Inspection inspection;

  @Column(name = "facility_id", nullable = false, updatable = false)
  private long facilityId;

  /** The 시군구 that logged it (its inspection's): it keeps the case wherever the facility goes. */
  @Column(name = "sigungu_code", nullable = false, updatable = false)
  private String sigunguCode;

  @Embedded private LoggedFacility facility;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ViolationKind kind;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  /**
   * The row's own key, which the sealed personal fields are bound to (FieldSeals): drawn when the
   * row is first stored through JPA, not at construction (a QR check-in, stored by the batched
   * insert with the column's default, draws no random number on the hot path).
   */
  @Column(name = "row_key", nullable = false, updatable = false)
  private UUID rowKey;

  // personal data: sealed to this row (FieldSeals), opened when first read
  @Column(name = "visitor_name", updatable = false)
  private String sealedName;

  @Column(name = "visitor_birth_date", updatable = false)
  private String sealedBirthDate;

  @Column(name = "visitor_phone", updatable = false)
  private String sealedPhone;

  @Transient private String visitorName;
  @Transient private String visitorBirthDate;
  @Transient private String visitorPhone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private ViolationCause cause;

  @Column(updatable = false)
  private String shown;

  @Column(updatable = false)
  private String description;

  @Column(nullable = false, updatable = false)
  private String schedule;

  /** The revision of the enforcement calendar the penalty was decided by. */
  @Column(name = "policy_revision", nullable = false, updatable = false)
  private long policyRevision;

  @Column(name = "prior_count", nullable = false, updatable = false)
  private int priorCount;

  @Column(name = "fine_won", nullable = false, updatable = false)
  private Money fine;

  @Enumerated(EnumType.STRING)
  @Column(name = "sanction_kind", nullable = false, updatable = false)
  private SanctionKind sanctionKind;

  @Column(name = "sanction_length", updatable = false)
  private String sanctionLength;

  @Column(name = "warning_only", nullable = false, updatable = false)
  private boolean warningOnly;

  @OneToOne(cascade = CascadeType.ALL, fetch = FetchType.LAZY)
  @JoinColumn(name = "fine_case_id")
  private FineCase fineCase;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private long createdBy;

  protected Violation() {}

  /** What the inspector records of the visitor: as shown to them, encrypted at rest. */
  public record VisitorIdentity(String name, LocalDate birthDate, String phone) {}

  /**
   * Logs a violation during an inspection, with the penalty decided for it and the facility's facts
   * of the day; opens its fine case.
   */
  public static Violation log(
      Inspection inspection,
      LoggedFacility facility,
      ViolationKind kind,
      ViolationCause cause,
      Instant occurredAt,
      VisitorIdentity visitor,
      String shown,
      String description,
      int priorCount,
      Penalty penalty,
      long by,
      Instant now) {
    requireNotFuture(occurredAt, now);
    Violation v = new Violation();
    if (kind == ViolationKind.VISITOR) {
      if (visitor == null || visitor.name() == null || visitor.name().isBlank()) {
        throw BusinessException.onField("visitorName", "violation.visitor.nameRequired");
      }
      if (visitor.phone() != null && !visitor.phone().isBlank()) {
        if (!PhoneNumbers.isValid(visitor.phone())) {
          throw BusinessException.onField("visitorPhone", "violation.visitor.phoneInvalid");
        }
        v.visitorPhone = PhoneNumbers.normalize(visitor.phone().trim());
      }
      v.visitorName = visitor.name().strip();
      v.visitorBirthDate = visitor.birthDate() == null ? null : visitor.birthDate().toString();
    }
    v.inspection = inspection;
    v.facility = Objects.requireNonNull(facility, "facility");
    v.facilityId = inspection.getFacilityId();
    v.sigunguCode = inspection.getSigunguCode();
    v.kind = kind;
    v.cause = cause == null ? ViolationCause.NO_VALID_PASS : cause;
    v.occurredAt = occurredAt;
    v.shown = blankToNull(shown);
    v.description = blankToNull(description);
    v.schedule = penalty.schedule();
    v.policyRevision = penalty.policyRevision();
    v.priorCount = priorCount;
    v.fine = penalty.fine();
    v.sanctionKind = penalty.proposedSanction().kind();
    Period length = penalty.proposedSanction().length();
    v.sanctionLength = length == null ? null : length.toString();
    v.warningOnly = penalty.warningOnly();
    v.createdAt = now;
    v.createdBy = by;
    if (!penalty.fine().isZero()) {
      v.fineCase = FineCase.draft(penalty.fine(), now, by);
    }
    return v;
  }

  /** A violation is logged after it happened, by the portal's clock. */
  public static void requireNotFuture(Instant occurredAt, Instant now) {
    if (occurredAt == null || occurredAt.isAfter(now)) {
      throw BusinessException.onField("occurredAt", "violation.time.future");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  @Override
  public ViolationKind kind() {
    return kind;
  }

  @Override
  public Instant occurredAt() {
    return occurredAt;
  }

  /** A warning of a guidance period, a waived or a cancelled case does not count as a prior one. */
  @Override
  public boolean stands() {
    if (warningOnly) {
      return false;
    }
    return fineCase == null
        || (fineCase.getState() != FineState.WAIVED && fineCase.getState() != FineState.CANCELLED);
  }

  /**
   * What the facility's operator owes for this case on that day: on their own (operator) case what
   * the fine case says is due; nothing on a visitor's case, which is the visitor's own (the party
   * of a fine is who violated, 질서위반행위규제법 Art. 16), nor on a closed one.
   */
  public Money operatorOwesOn(LocalDate day) {
    return isOperatorsCase() && !fineCase.getState().closed() ? fineCase.dueOn(day) : Money.ZERO;
  }

  /**
   * The reduced amount the operator may pay on that day (Art. 18), while the opinion period of
   * their own case runs; null otherwise, and always for a visitor's case.
   */
  public Money operatorMayPayReducedOn(LocalDate day) {
    return isOperatorsCase() && fineCase.voluntaryPaymentOpenOn(day)
        ? fineCase.payableOn(day)
        : null;
  }

  /** What the agency owes back to the operator on their own case; never a visitor's refund. */
  public Money refundToOperator() {
    return isOperatorsCase() ? fineCase.refund() : Money.ZERO;
  }

  private boolean isOperatorsCase() {
    return kind == ViolationKind.OPERATOR && fineCase != null;
  }

  public Sanction proposedSanction() {
    return switch (sanctionKind) {
      case NONE -> Sanction.NONE;
      case WARNING -> Sanction.WARNING;
      case CLOSURE -> Sanction.CLOSURE;
      case SUSPENSION -> Sanction.suspension(Period.parse(sanctionLength));
    };
  }

  public Long getId() {
    return id;
  }

  public Inspection getInspection() {
    return inspection;
  }

  public long getFacilityId() {
    return facilityId;
  }

  /** What a grace declaration looks at in this case, with the 시도 of its 시군구 and its type. */
  public CaseFacts facts(String sidoCode, String facilityTypeCode) {
    return new CaseFacts(occurredAt, sidoCode, sigunguCode, facilityTypeCode, cause);
  }

  public String getSigunguCode() {
    return sigunguCode;
  }

  /** The facility as it was when the violation was logged. */
  public LoggedFacility getFacility() {
    return facility;
  }

  /** Who the case is against: the visitor, or the facility's operator of the day. */
  public String partyName() {
    return kind == ViolationKind.VISITOR ? visitorName() : facility.operatorName();
  }

  public ViolationCause getCause() {
    return cause;
  }

  public ViolationKind getKind() {
    return kind;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getShown() {
    return shown;
  }

  public String getDescription() {
    return description;
  }

  /** The revision of the enforcement calendar the penalty was decided by. */
  public long getPolicyRevision() {
    return policyRevision;
  }

  public String getSchedule() {
    return schedule;
  }

  public int getPriorCount() {
    return priorCount;
  }

  public Money getFine() {
    return fine;
  }

  public boolean isWarningOnly() {
    return warningOnly;
  }

  public FineCase getFineCase() {
    return fineCase;
  }

  /** The inspector who logged it. */
  public long getCreatedBy() {
    return createdBy;
  }

  /** The case number on notices and pages: VP-(year of the violation, Kst.ZONE)-(id). */
  public String caseNumber() {
    return "VP-" + occurredAt.atZone(Kst.ZONE).getYear() + "-" + id;
  }

  /** The visitor's name masked as an owner may see it: 김*수. */
  public String maskedVisitorName() {
    return PersonNames.masked(visitorName());
  }

  /** Unmasked, for the inspector of the case and the notices (not for owners). */
  public String visitorName() {
    if (visitorName == null && sealedName != null) {
      visitorName = FieldSeals.open(NAME_FIELD, rowKey, sealedName);
    }
    return visitorName;
  }

  public String visitorPhone() {
    if (visitorPhone == null && sealedPhone != null) {
      visitorPhone = FieldSeals.open(PHONE_FIELD, rowKey, sealedPhone);
    }
    return visitorPhone;
  }

  public String visitorBirthDate() {
    if (visitorBirthDate == null && sealedBirthDate != null) {
      visitorBirthDate = FieldSeals.open(BIRTH_DATE_FIELD, rowKey, sealedBirthDate);
    }
    return visitorBirthDate;
  }

  /** The fields of personal data, as the seal names them. */
  public static final String NAME_FIELD = "violation.visitor_name";

  public static final String BIRTH_DATE_FIELD = "violation.visitor_birth_date";
  public static final String PHONE_FIELD = "violation.visitor_phone";

  /** A new violation's personal fields, sealed to its row as it is first stored. */
  @PrePersist
  void sealPersonalData() {
    if (rowKey == null) {
      rowKey = UUID.randomUUID();
    }
    sealedName = FieldSeals.seal(NAME_FIELD, rowKey, visitorName);
    sealedBirthDate = FieldSeals.seal(BIRTH_DATE_FIELD, rowKey, visitorBirthDate);
    sealedPhone = FieldSeals.seal(PHONE_FIELD, rowKey, visitorPhone);
  }
}
