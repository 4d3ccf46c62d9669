package kr.vaccinepass.portal.enforcement.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.List;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.enforcement.domain.EnforcementRepository;
import kr.vaccinepass.portal.enforcement.domain.Evidence;
import kr.vaccinepass.portal.enforcement.domain.EvidenceRepository;
import kr.vaccinepass.portal.enforcement.domain.EvidenceSummary;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/** Photos of a violation's evidence, attached and read only in the inspector's own 시군구. */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.INSPECTOR_NAME)
public class EvidenceService {
  @Inject EnforcementRepository violations;
  @Inject EvidenceRepository evidence;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  public Evidence attach(
      long violationId,
      byte[] photo,
      @Size(max = TextRules.EVIDENCE_DESCRIPTION, message = "{evidence.descriptionTooLong}")
          @SingleLine
          String description) {
    Actor inspector = actors.require();
    Violation violation = violations.violationIn(inspector, violationId);
    Evidence e =
        Evidence.attach(
            violation.getId(), photo, description, inspector.accountId(), clock.instant());
    if (evidence.exists(violation.getId(), e.getSha256())) {
      throw BusinessException.onField("photo", "evidence.duplicate");
    }
    Evidence added = evidence.add(e);
    audit.record(
        AuditFact.change(AuditKind.EVIDENCE_ATTACHED, violationId, violation.getFacilityId()));
    return added;
  }

  public List<EvidenceSummary> of(long violationId) {
    return evidence.ofViolation(violations.violationIn(actors.require(), violationId).getId());
  }

  /** One photo, for showing it: its type and bytes, read inside the transaction. */
  public record Photo(String contentType, byte[] bytes) {}

  public Photo photo(long evidenceId) {
    Evidence e =
        evidence.find(evidenceId).orElseThrow(() -> new NotFoundException("evidence.notFound"));
    violations.violationIn(actors.require(), e.getViolationId());
    return new Photo(e.getContentType(), e.content());
  }
}
