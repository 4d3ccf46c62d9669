package kr.vaccinepass.portal.grace.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import kr.vaccinepass.portal.grace.domain.DatedPolicy;
import kr.vaccinepass.portal.grace.domain.EnforcementStatus;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceRepository;
import kr.vaccinepass.portal.grace.domain.Incident;
import kr.vaccinepass.portal.grace.domain.IncidentRepository;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * Whether fines for pass violations apply now in a place, and why not when they don't: for the
 * public page and the banner on every signed-in page. Public on purpose: it says nothing about any
 * case or person, only what the calendar, the grace declarations and the incidents say.
 */
@ApplicationScoped
@Transactional
public class EnforcementStatusService {
  @Inject DatedPolicies policies;
  @Inject GraceRepository grace;
  @Inject IncidentRepository incidents;
  @Inject Clock clock;

  /**
   * The state of enforcement now in a 시군구 of a 시도; with no place (both null), only what applies
   * nationwide counts.
   */
  public EnforcementStatus now(String sidoCode, String sigunguCode) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(Kst.ZONE).toLocalDate();
    DatedPolicy policy = policies.current();
    return EnforcementStatus.decide(
        now,
        today,
        policy.passSuspended(),
        policy.finesStart(),
        grace.activeAt(now).stream()
            .filter(d -> d.inWindow(now) && covers(d, sidoCode, sigunguCode))
            .toList(),
        incidents.open().stream().filter(i -> affects(i, now, sidoCode, sigunguCode)).toList(),
        policy.guidance().anyOn(today));
  }

  private static boolean covers(GraceDeclaration d, String sido, String sigungu) {
    return sigungu == null ? d.scope().nationwide() : d.scope().coversRegion(sido, sigungu);
  }

  private static boolean affects(Incident i, Instant now, String sido, String sigungu) {
    return sigungu == null
        ? i.scope().nationwide() && i.affects(now, null, null)
        : i.affects(now, sido, sigungu);
  }
}
