package kr.vaccinepass.portal.enforcement.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import kr.vaccinepass.portal.enforcement.domain.EnforcementRepository;
import kr.vaccinepass.portal.enforcement.domain.Inspection;
import kr.vaccinepass.portal.enforcement.domain.SanctionDecision;
import kr.vaccinepass.portal.enforcement.domain.SanctionRepository;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.infrastructure.ClockProducer;
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

  public SanctionDecision decide(long violationId, LocalDate startsOn) {
    Actor inspector = actors.require();
    Violation violation =
        violations
            .violation(violationId)
            .orElseThrow(() -> new NotFoundException("enforcement.outsideJurisdiction"));
    Inspection.requireJurisdiction(inspector, violation.getSigunguCode());
    if (sanctions.ofViolation(violationId).isPresent()) {
      throw BusinessException.of("sanction.alreadyDecided");
    }
    LocalDate today = clock.instant().atZone(ClockProducer.KST).toLocalDate();
    SanctionDecision decision =
        sanctions.add(
            SanctionDecision.decide(
                violation, startsOn, today, inspector.accountId(), clock.instant()));
    schedule.applyTo(violation.getFacilityId(), today);
    return decision;
  }
}
