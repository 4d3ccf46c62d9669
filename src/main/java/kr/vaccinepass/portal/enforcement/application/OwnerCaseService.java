package kr.vaccinepass.portal.enforcement.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.audit.domain.PersonalField;
import kr.vaccinepass.portal.enforcement.domain.EnforcementRepository;
import kr.vaccinepass.portal.enforcement.domain.FineCase;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PlainText;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * The operator's side of enforcement: the violations and fines of their own facilities, and their
 * opinion within the opinion period. Another owner's case answers "not found".
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.OWNER_NAME)
public class OwnerCaseService {
  @Inject EnforcementRepository repository;
  @Inject FacilityDirectory directory;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject NoticeDocuments notices;
  @Inject AuditTrail audit;

  /** The facility's cases; the page shows visitors' names masked, so the read is recorded. */
  public List<Violation> violationsOf(long facilityId) {
    own(facilityId);
    List<Violation> cases = repository.violationsOfFacility(facilityId);
    if (cases.stream().anyMatch(v -> v.getKind() == ViolationKind.VISITOR)) {
      audit.record(
          AuditFact.read(
              AuditKind.CASES_LISTED, facilityId, facilityId, PersonalField.VISITOR_NAME_MASKED));
    }
    return cases;
  }

  /**
   * The operator's opinion on their own case within the opinion period; a visitor's fine is the
   * visitor's, not theirs, and answers "not found" like another owner's case.
   */
  public FineCase submitOpinion(
      long violationId,
      @Size(max = TextRules.OPINION, message = "{fine.opinion.tooLong}") @PlainText
          String opinion) {
    Actor owner = actors.require();
    Violation violation =
        repository
            .violation(violationId)
            .filter(v -> v.getKind() == ViolationKind.OPERATOR && isOwn(v.getFacilityId(), owner))
            .orElseThrow(() -> new NotFoundException("fine.notFound"));
    FineCase fine = violation.getFineCase();
    if (fine == null) {
      throw new NotFoundException("fine.notFound");
    }
    fine.submitOpinion(opinion, today(), clock.instant(), owner.accountId());
    audit.record(
        AuditFact.change(AuditKind.OPINION_SUBMITTED, violationId, violation.getFacilityId()));
    return fine;
  }

  /** The portal's today (KST), which decides whether the opinion period still runs. */
  public LocalDate today() {
    return clock.instant().atZone(Kst.ZONE).toLocalDate();
  }

  /**
   * A notice of one of the owner's own (operator) cases as a PDF; visitors' cases are not theirs.
   */
  public byte[] notice(long violationId, Notice.Kind kind) {
    Actor owner = actors.require();
    Violation violation =
        repository
            .violation(violationId)
            .filter(v -> v.getKind() == ViolationKind.OPERATOR && isOwn(v.getFacilityId(), owner))
            .orElseThrow(() -> new NotFoundException("fine.notFound"));
    byte[] pdf = notices.write(violation, kind);
    audit.record(PersonalFields.noticePrinted(violation, kind));
    return pdf;
  }

  private void own(long facilityId) {
    if (!isOwn(facilityId, actors.require())) {
      throw new NotFoundException("facility.notFound");
    }
  }

  private boolean isOwn(long facilityId, Actor owner) {
    return directory.find(facilityId).map(f -> f.ownerId() == owner.accountId()).orElse(false);
  }
}
