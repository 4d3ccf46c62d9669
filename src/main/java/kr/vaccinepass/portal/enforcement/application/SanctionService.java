package kr.vaccinepass.portal.enforcement.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.enforcement.domain.EnforcementRepository;
import kr.vaccinepass.portal.enforcement.domain.SanctionDecision;
import kr.vaccinepass.portal.enforcement.domain.SanctionRepository;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * The inspector decides a violation's proposed suspension or closure; it takes effect by its dates.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.INSPECTOR_NAME)
public class SanctionService {
  @Inject EnforcementRepository violations;
  @Inject SanctionRepository sanctions;
  @Inject SanctionSchedule schedule;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  public SanctionDecision decide(long violationId, LocalDate startsOn) {
    Actor inspector = actors.require();
    Violation violation = violations.violationIn(inspector, violationId);
    if (!violation.stands()) {
      // a waived or cancelled violation carries no sanction
      throw BusinessException.of("sanction.violationDoesNotStand");
    }
    if (sanctions.ofViolation(violationId).isPresent()) {
      throw BusinessException.of("sanction.alreadyDecided");
    }
    LocalDate today = clock.instant().atZone(Kst.ZONE).toLocalDate();
    SanctionDecision decision =
        sanctions.add(
            SanctionDecision.decide(
                violation, startsOn, today, inspector.accountId(), clock.instant()));
    schedule.applyTo(violation.getFacilityId(), today);
    audit.record(
        AuditFact.change(AuditKind.SANCTION_DECIDED, violationId, violation.getFacilityId()));
    return decision;
  }

  /** The decision taken on a violation of the inspector's 시군구, if any. */
  public Optional<SanctionDecision> ofViolation(long violationId) {
    return sanctions.ofViolation(violations.violationIn(actors.require(), violationId).getId());
  }
}
