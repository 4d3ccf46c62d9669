package kr.vaccinepass.portal.visit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.FieldSeals;
import kr.vaccinepass.portal.shared.domain.PersonNames;
import kr.vaccinepass.portal.shared.domain.PhoneNumbers;

/**
 * One visit to a facility. A QR visit keeps only the issuer's pseudonymous holder id; 안심콜 and
 * handwritten visits keep a phone number or name, encrypted (AES-GCM), shown masked; a door check
 * during a verification-system incident keeps nothing of the person, only how the operator checked
 * and the incident. Every visit is destroyed 28 days after its day (KI-PASS privacy model, Aju News
 * 2020-07-01).
 */
@Entity
@Table(name = "visit")
public class Visit implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "facility_id", nullable = false, updatable = false)
  private long facilityId;

  @Column(name = "visited_at", nullable = false, updatable = false)
  private Instant visitedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private VisitMethod method;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private VisitOutcome outcome;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private PassReason reason;

  @Column(name = "issuer_code", updatable = false)
  private String issuerCode;

  @Column(name = "holder_id", updatable = false)
  private String holderId;

  @Column(name = "token_nonce", updatable = false)
  private String tokenNonce;

  @Column(name = "token_hash", updatable = false)
  private String tokenHash;

  @Column(name = "external_ref", updatable = false)
  private String externalRef;

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

  @Column(name = "visitor_phone", updatable = false)
  private String sealedPhone;

  @Column(name = "safety_number", updatable = false)
  private String sealedSafetyNumber;

  @Transient private String visitorName;
  @Transient private String visitorPhone;
  @Transient private String safetyNumber;

  @Column(name = "phone_last4", updatable = false)
  private String phoneLast4;

  @Enumerated(EnumType.STRING)
  @Column(name = "check_method")
  private CheckMethod checkMethod;

  @Column(name = "checked_by")
  private Long checkedBy;

  @Column(name = "recorded_by", updatable = false)
  private Long recordedBy;

  /** The incident a DOOR_CHECK visit happened in (V11: required for DOOR_CHECK). */
  @Column(name = "incident_id", updatable = false)
  private Long incidentId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** Admitted by a door from its own verification and sent later (V18, docs/door.md). */
  @Column(name = "door_verified", nullable = false, updatable = false)
  private boolean doorVerified;

  /** The server's refusal code when it disagreed with the door that admitted the visitor. */
  @Enumerated(EnumType.STRING)
  @Column(name = "door_disagreement", updatable = false)
  private CheckinCode doorDisagreement;

  protected Visit() {}

  /** A QR check-in whose pass the rules admitted. */
  public static Visit checkedIn(
      long facilityId,
      Instant at,
      PassDecision decision,
      String issuerCode,
      String holderId,
      String nonce,
      String tokenHash,
      Long recordedBy) {
    if (!decision.admitted()) {
      throw new IllegalArgumentException("a refused visitor is not a visit");
    }
    Visit visit = base(facilityId, at, VisitMethod.QR, recordedBy);
    visit.outcome = VisitOutcome.valueOf(decision.outcome().name());
    visit.reason = decision.reason();
    visit.issuerCode = issuerCode;
    visit.holderId = holderId;
    visit.tokenNonce = nonce;
    visit.tokenHash = tokenHash;
    return visit;
  }

  /**
   * A QR visit a door admitted from its own verification while the server was out of reach, sent
   * later: at its real time, marked door-verified, with the door's outcome and reason; when the
   * server, verifying again as of that time, said no, its code is kept as the disagreement (the
   * visitor did enter, so the visit is kept, flagged).
   */
  public static Visit verifiedAtDoor(
      long facilityId,
      Instant at,
      PassDecision doorDecision,
      String issuerCode,
      String holderId,
      String nonce,
      String tokenHash,
      CheckinCode serverDisagreement,
      Instant syncedAt) {
    Visit visit =
        checkedIn(facilityId, at, doorDecision, issuerCode, holderId, nonce, tokenHash, null);
    visit.doorVerified = true;
    visit.doorDisagreement = serverDisagreement;
    visit.createdAt = syncedAt;
    return visit;
  }

  /** An 안심콜: the caller's number and the time, as the telephony provider reported them. */
  public static Visit called(long facilityId, Instant at, String callerPhone, String callId) {
    Visit visit = base(facilityId, at, VisitMethod.CALL, null);
    visit.outcome = VisitOutcome.UNVERIFIED;
    String phone = PhoneNumbers.normalize(callerPhone);
    visit.visitorPhone = phone;
    visit.phoneLast4 = PhoneNumbers.lastFour(phone);
    visit.externalRef = callId;
    return visit;
  }

  /** A handwritten entry: a name and a phone number, or a personal safety number instead. */
  public static Visit handwritten(
      long facilityId, Instant at, String name, String phone, String safetyNumber, long by) {
    Visit visit = base(facilityId, at, VisitMethod.HANDWRITTEN, by);
    visit.outcome = VisitOutcome.UNVERIFIED;
    boolean hasSafetyNumber = safetyNumber != null && !safetyNumber.isBlank();
    boolean hasPerson = (name != null && !name.isBlank()) || (phone != null && !phone.isBlank());
    if (hasSafetyNumber && hasPerson) {
      throw BusinessException.onField("safetyNumber", "visit.handwritten.eitherOr");
    }
    if (hasSafetyNumber) {
      if (!SafetyNumber.isValid(safetyNumber)) {
        throw BusinessException.onField("safetyNumber", "visit.safetyNumber.invalid");
      }
      visit.safetyNumber = SafetyNumber.normalize(safetyNumber);
    } else {
      if (name == null || name.isBlank()) {
        throw BusinessException.onField("name", "visit.name.required");
      }
      if (!PhoneNumbers.isValid(phone)) {
        throw BusinessException.onField("phone", "visit.phone.invalid");
      }
      visit.visitorName = name.strip();
      visit.visitorPhone = PhoneNumbers.normalize(phone.trim());
      visit.phoneLast4 = PhoneNumbers.lastFour(visit.visitorPhone);
    }
    return visit;
  }

  /**
   * A visitor checked at the door another way while verification was down in an open incident:
   * asked (VERBAL), or shown a paper or SMS certificate. No personal data is kept; the visit stays
   * UNVERIFIED (the portal verified nothing) with how the operator checked, which met their duty
   * (불가항력, Etoday December 2021).
   */
  public static Visit doorCheck(
      long facilityId, Instant at, CheckMethod how, long incidentId, long by) {
    if (how == null) {
      throw BusinessException.onField("checkMethod", "visit.checkMethod.required");
    }
    Visit visit = base(facilityId, at, VisitMethod.DOOR_CHECK, by);
    visit.outcome = VisitOutcome.UNVERIFIED;
    visit.checkMethod = how;
    visit.checkedBy = by;
    visit.incidentId = incidentId;
    return visit;
  }

  private static Visit base(long facilityId, Instant at, VisitMethod method, Long by) {
    Visit visit = new Visit();
    visit.facilityId = facilityId;
    visit.visitedAt = at;
    visit.method = method;
    visit.recordedBy = by;
    visit.createdAt = at;
    return visit;
  }

  /**
   * The operator states how they checked the pass of an unverified visit. Asking (VERBAL) counts
   * only while a system incident is declared (불가항력, Etoday December 2021).
   */
  public void recordCheck(CheckMethod how, long by, boolean incidentDeclared) {
    if (outcome != VisitOutcome.UNVERIFIED) {
      throw BusinessException.of("visit.check.alreadyVerified");
    }
    if (method == VisitMethod.DOOR_CHECK) {
      throw BusinessException.of("visit.check.doorCheck");
    }
    if (how == CheckMethod.VERBAL && !incidentDeclared) {
      throw BusinessException.onField("checkMethod", "visit.check.verbalNeedsIncident");
    }
    this.checkMethod = how;
    this.checkedBy = by;
  }

  /** Recorded at the door while verification was down: "unverified (system down)". */
  public boolean isSystemDown() {
    return method == VisitMethod.DOOR_CHECK;
  }

  /** The phone as an owner may see it: 010-****-1234. */
  public String maskedPhone() {
    String phone = phone();
    return phone == null ? null : PhoneNumbers.masked(phone);
  }

  /** The name as an owner may see it: 김*수. */
  public String maskedName() {
    return PersonNames.masked(name());
  }

  public String maskedSafetyNumber() {
    String number = safetyNumberValue();
    return number == null ? null : SafetyNumber.masked(number);
  }

  /** The fields of personal data, as the seal names them. */
  public static final String NAME_FIELD = "visit.visitor_name";

  public static final String PHONE_FIELD = "visit.visitor_phone";
  public static final String SAFETY_NUMBER_FIELD = "visit.safety_number";

  /** A new visit's personal fields, sealed to its row as it is first stored. */
  @PrePersist
  void sealPersonalData() {
    if (rowKey == null) {
      rowKey = UUID.randomUUID();
    }
    sealedName = FieldSeals.seal(NAME_FIELD, rowKey, visitorName);
    sealedPhone = FieldSeals.seal(PHONE_FIELD, rowKey, visitorPhone);
    sealedSafetyNumber = FieldSeals.seal(SAFETY_NUMBER_FIELD, rowKey, safetyNumber);
  }

  private String name() {
    if (visitorName == null && sealedName != null) {
      visitorName = FieldSeals.open(NAME_FIELD, rowKey, sealedName);
    }
    return visitorName;
  }

  private String phone() {
    if (visitorPhone == null && sealedPhone != null) {
      visitorPhone = FieldSeals.open(PHONE_FIELD, rowKey, sealedPhone);
    }
    return visitorPhone;
  }

  private String safetyNumberValue() {
    if (safetyNumber == null && sealedSafetyNumber != null) {
      safetyNumber = FieldSeals.open(SAFETY_NUMBER_FIELD, rowKey, sealedSafetyNumber);
    }
    return safetyNumber;
  }

  public Long getId() {
    return id;
  }

  public long getFacilityId() {
    return facilityId;
  }

  public Instant getVisitedAt() {
    return visitedAt;
  }

  public VisitMethod getMethod() {
    return method;
  }

  public VisitOutcome getOutcome() {
    return outcome;
  }

  public Long getRecordedBy() {
    return recordedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /**
   * What makes this visit unique across all visits (a partitioned table cannot say it by an index):
   * its token's nonce, or its call's id; null for other visits.
   */
  public String claim() {
    if (tokenNonce != null) {
      return "nonce:" + tokenNonce;
    }
    return externalRef == null ? null : "call:" + externalRef;
  }

  public boolean isDoorVerified() {
    return doorVerified;
  }

  public CheckinCode getDoorDisagreement() {
    return doorDisagreement;
  }

  public PassReason getReason() {
    return reason;
  }

  public String getIssuerCode() {
    return issuerCode;
  }

  public String getHolderId() {
    return holderId;
  }

  public String getTokenNonce() {
    return tokenNonce;
  }

  public String getTokenHash() {
    return tokenHash;
  }

  public String getPhoneLast4() {
    return phoneLast4;
  }

  public CheckMethod getCheckMethod() {
    return checkMethod;
  }

  public Long getIncidentId() {
    return incidentId;
  }

  public String getExternalRef() {
    return externalRef;
  }

  /** Unmasked: for an epidemiological investigation only (not shown in this screens). */
  String visitorPhone() {
    return phone();
  }
}
