package kr.vaccinepass.portal.enforcement.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.enforcement.domain.EnforcementRepository;
import kr.vaccinepass.portal.enforcement.domain.FineCase;
import kr.vaccinepass.portal.enforcement.domain.FineStep;
import kr.vaccinepass.portal.enforcement.domain.FineTotals;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.LoggedFacility;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.Penalty;
import kr.vaccinepass.portal.enforcement.domain.PenaltyRules;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationFilter;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.grace.application.DatedPolicies;
import kr.vaccinepass.portal.grace.domain.CaseFacts;
import kr.vaccinepass.portal.grace.domain.DatedPolicy;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.domain.PlainText;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * The inspector's work: open an inspection at a facility of their own 시군구 and log violations, each
 * with the penalty the law sets (PenaltyRules, by the violation's date and the facility's standing
 * prior operator violations) and, when fined, its case. Outside the jurisdiction every call answers
 * {@code enforcement.outsideJurisdiction}, as for a facility that does not exist.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.INSPECTOR_NAME)
public class EnforcementService {
  @Inject EnforcementRepository repository;
  @Inject FacilityService facilities;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject NoticeDocuments notices;
  @Inject AccountService accounts;
  @Inject GraceWaivers grace;

  @Inject DatedPolicies policies;
  @Inject AuditTrail audit;

  public Inspection openInspection(
      long facilityId,
      @NotNull(message = "{inspection.time.required}") Instant inspectedAt,
      @Size(max = TextRules.INSPECTION_NOTES, message = "{inspection.notes.tooLong}") @PlainText
          String notes) {
    Actor inspector = actors.require();
    Facility facility = facilityInJurisdiction(facilityId);
    Inspection inspection =
        repository.add(
            Inspection.open(
                facility.getId(),
                facility.getSigungu().getCode(),
                inspector,
                inspectedAt,
                notes,
                clock.instant()));
    audit.record(AuditFact.change(AuditKind.INSPECTION_OPENED, facility.getId(), facility.getId()));
    return inspection;
  }

  public Violation logViolation(long inspectionId, @NotNull @Valid ViolationDraft draft) {
    Actor inspector = actors.require();
    Inspection inspection =
        repository
            .inspection(inspectionId)
            .orElseThrow(() -> new NotFoundException("enforcement.outsideJurisdiction"));
    Inspection.requireJurisdiction(inspector, inspection.getSigunguCode());
    Facility facility = facilityInJurisdiction(inspection.getFacilityId());
    repository.lockFacility(facility.getId());
    LoggedFacility facts =
        new LoggedFacility(
            facility.getName(),
            facility.getType().getCode(),
            facility.getBusinessNumber().digits(),
            facility.getRoadAddress(),
            facility.getOwnerId(),
            accounts
                .displayNames(List.of(facility.getOwnerId()))
                .getOrDefault(facility.getOwnerId(), ""));
    int prior = priorCount(facility, draft.getKind(), draft.getOccurredAt());
    Penalty penalty =
        penalty(facility, draft.getKind(), draft.getCause(), draft.getOccurredAt(), prior);
    Violation logged =
        repository.add(
            Violation.log(
                inspection,
                facts,
                draft.getKind(),
                draft.getCause(),
                draft.getOccurredAt(),
                new Violation.VisitorIdentity(
                    draft.getVisitorName(), draft.getVisitorBirthDate(), draft.getVisitorPhone()),
                draft.getShown(),
                draft.getDescription(),
                prior,
                penalty,
                inspector.accountId(),
                clock.instant()));
    if (logged.getFineCase() != null) {
      // a case inside a declared grace window is waived at creation, linked to its declarations
      grace.waiveAtCreation(
          logged.getFineCase(),
          facts(facility, draft.getCause(), draft.getOccurredAt()),
          inspector.accountId());
    }
    audit.record(AuditFact.change(AuditKind.VIOLATION_LOGGED, logged.getId(), facility.getId()));
    return logged;
  }

  /**
   * The active grace declaration that would waive such a violation at the facility, if any: what
   * the inspector sees before saving.
   */
  public Optional<GraceDeclaration> coveringGrace(
      long facilityId,
      @NotNull(message = "{violation.cause.required}") ViolationCause cause,
      @NotNull(message = "{violation.time.required}") Instant occurredAt) {
    return grace.covering(facts(facilityInJurisdiction(facilityId), cause, occurredAt));
  }

  private static CaseFacts facts(Facility facility, ViolationCause cause, Instant occurredAt) {
    return new CaseFacts(
        occurredAt,
        facility.getSigungu().getSido().getCode(),
        facility.getSigungu().getCode(),
        facility.getType().getCode(),
        cause);
  }

  /**
   * The penalty the law would set for such a violation at the facility, computed as {@link
   * #logViolation} computes it (the schedule of that day, the standing prior operator violations,
   * the guidance periods), without writing anything: what the inspector sees before saving.
   */
  public Penalty preview(
      long facilityId,
      @NotNull(message = "{violation.kind.required}") ViolationKind kind,
      @NotNull(message = "{violation.cause.required}") ViolationCause cause,
      @NotNull(message = "{violation.time.required}") Instant occurredAt) {
    Facility facility = facilityInJurisdiction(facilityId);
    Violation.requireNotFuture(occurredAt, clock.instant());
    return penalty(facility, kind, cause, occurredAt, priorCount(facility, kind, occurredAt));
  }

  private int priorCount(Facility facility, ViolationKind kind, Instant occurredAt) {
    return kind == ViolationKind.OPERATOR
        ? PenaltyRules.standingCount(repository.operatorViolations(facility.getId()), occurredAt)
        : 0;
  }

  private Penalty penalty(
      Facility facility, ViolationKind kind, ViolationCause cause, Instant occurredAt, int prior) {
    DatedPolicy policy = policies.current();
    return PenaltyRules.of(policy)
        .decide(
            kind,
            occurredAt,
            prior,
            policy.guidance().covers(occurredAt, facility.getType().getCode(), cause));
  }

  /** Sends the prior notice; the opinion period ends on the deadline (at least 10 days later). */
  public FineCase sendPriorNotice(long violationId, LocalDate deadline) {
    FineCase fine = fineOf(violationId);
    fine.sendPriorNotice(today(), deadline, clock.instant(), actors.require().accountId());
    step(violationId, FineStep.PRIOR_NOTICE, null);
    return fine;
  }

  /**
   * Records a payment; the case decides whether it is the reduced one or the imposed one, and what
   * may be paid on that day (up to today, by the portal's clock).
   */
  public FineCase recordPayment(
      long violationId,
      @NotNull(message = "{fine.payment.amountRequired}") Money amount,
      @NotNull(message = "{fine.payment.dateRequired}") LocalDate paidOn) {
    FineCase fine = fineOf(violationId);
    fine.pay(amount, paidOn, today(), clock.instant(), actors.require().accountId());
    step(violationId, FineStep.PAYMENT, null);
    return fine;
  }

  public FineCase impose(long violationId) {
    FineCase fine = fineOf(violationId);
    fine.impose(today(), clock.instant(), actors.require().accountId());
    step(violationId, FineStep.IMPOSITION, null);
    return fine;
  }

  public FineCase recordObjection(
      long violationId,
      @NotNull(message = "{fine.objection.receivedOnRequired}") LocalDate receivedOn,
      @Size(max = TextRules.STEP_REASON, message = "{fine.objection.groundsTooLong}") @PlainText
          String grounds) {
    FineCase fine = fineOf(violationId);
    fine.object(receivedOn, grounds, clock.instant(), actors.require().accountId());
    step(violationId, FineStep.OBJECTION, null);
    return fine;
  }

  public FineCase referToCourt(long violationId) {
    FineCase fine = fineOf(violationId);
    fine.refer(today(), clock.instant(), actors.require().accountId());
    step(violationId, FineStep.REFERRAL, null);
    return fine;
  }

  /** A notice of the case as a PDF, once the case has reached it. */
  public byte[] notice(long violationId, Notice.Kind kind) {
    // the case's own facts: the facility may since have moved to another 시군구
    Violation violation = violationInJurisdiction(violationId);
    byte[] pdf = notices.write(violation, kind);
    audit.record(PersonalFields.noticePrinted(violation, kind));
    return pdf;
  }

  /** The trail's entry of a step taken on a case. */
  private void step(long violationId, FineStep step, String reason) {
    audit.record(
        AuditFact.change(
                AuditKind.FINE_STEP,
                violationId,
                violationInJurisdiction(violationId).getFacilityId())
            .withDetail(step.name())
            .withReason(reason));
  }

  private FineCase fineOf(long violationId) {
    FineCase fine = violationInJurisdiction(violationId).getFineCase();
    if (fine == null) {
      throw new NotFoundException("fine.notFound");
    }
    return fine;
  }

  /** Cancels a violation's fine with the reason (e.g. logged in error). */
  public FineCase cancelFine(
      long violationId,
      @Size(max = TextRules.STEP_REASON, message = "{fine.cancel.reasonTooLong}") @PlainText
          String reason) {
    FineCase fine = fineOf(violationId);
    fine.cancel(reason, clock.instant(), actors.require().accountId());
    step(violationId, FineStep.CANCELLATION, reason);
    return fine;
  }

  /** The violations of the inspector's 시군구, newest first. */
  public List<Violation> violations(int offset, int size) {
    return repository.violations(actors.require().jurisdictionCode(), offset, size);
  }

  /**
   * A violation of the inspector's 시군구 with its fine case and inspection; the case page shows the
   * person's details, so the read is recorded.
   */
  public Violation violation(long violationId) {
    Violation violation = violationInJurisdiction(violationId);
    audit.record(
        AuditFact.read(
            AuditKind.CASE_VIEWED,
            violationId,
            violation.getFacilityId(),
            PersonalFields.shownBy(violation)));
    return violation;
  }

  /**
   * The violations the inspector's 시군구 logged at a facility of their 시군구, newest first (not those
   * another 시군구 logged before the facility moved).
   */
  public List<Violation> violationsOfFacility(long facilityId) {
    return repository.violationsOfFacility(
        facilityInJurisdiction(facilityId).getId(), actors.require().jurisdictionCode());
  }

  /**
   * The inspections the inspector's 시군구 made at a facility of their 시군구, newest first: the notes of
   * another 시군구's inspections stay with it.
   */
  public List<Inspection> inspectionsOfFacility(long facilityId) {
    return repository.inspectionsOfFacility(
        facilityInJurisdiction(facilityId).getId(), actors.require().jurisdictionCode());
  }

  /**
   * A page of the violations of the inspector's 시군구, filtered and sorted, with the facility's name
   * of the case's day.
   */
  public List<ViolationRow> violations(@NotNull ViolationFilter filter, @NotNull PageRequest page) {
    return repository.violations(actors.require().jurisdictionCode(), filter, page).stream()
        .map(v -> new ViolationRow(v, v.getFacility().name()))
        .toList();
  }

  /** How many violations of the inspector's 시군구 match the filter. */
  public long count(@NotNull ViolationFilter filter) {
    return repository.countViolations(actors.require().jurisdictionCode(), filter);
  }

  /** The sums of the matching violations of the inspector's 시군구: fines, and what is due today. */
  public FineTotals totals(@NotNull ViolationFilter filter) {
    return FineTotals.of(
        repository.fineGroups(actors.require().jurisdictionCode(), filter), today());
  }

  /** The portal's now, which decides what lies in the future. */
  public Instant now() {
    return clock.instant();
  }

  /** The portal's today (KST), which decides deadlines and what is due. */
  public LocalDate today() {
    return clock.instant().atZone(Kst.ZONE).toLocalDate();
  }

  private Violation violationInJurisdiction(long violationId) {
    return repository.violationIn(actors.require(), violationId);
  }

  private Facility facilityInJurisdiction(long facilityId) {
    Facility facility;
    try {
      facility = facilities.get(facilityId);
    } catch (NotFoundException e) {
      throw new NotFoundException("enforcement.outsideJurisdiction");
    }
    Inspection.requireJurisdiction(actors.require(), facility.getSigungu().getCode());
    return facility;
  }
}
