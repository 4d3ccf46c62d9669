package kr.vaccinepass.portal.grace.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kr.vaccinepass.portal.grace.domain.EnforcementStatus;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceRepository;
import kr.vaccinepass.portal.grace.domain.GuidancePeriods;
import kr.vaccinepass.portal.grace.domain.Incident;
import kr.vaccinepass.portal.grace.domain.IncidentRepository;
import kr.vaccinepass.portal.grace.domain.PolicyEvent;
import kr.vaccinepass.portal.grace.domain.PolicyEventKind;
import kr.vaccinepass.portal.grace.domain.PolicyEventRepository;
import kr.vaccinepass.portal.shared.infrastructure.ClockProducer;

/**
 * Whether fines for pass violations apply now in a place, and why not when they don't: for the
 * public page and the banner on every signed-in page. Public on purpose: it says nothing about any
 * case or person, only what the calendar, the grace declarations and the incidents say.
 */
@ApplicationScoped
@Transactional
public class EnforcementStatusService {
  @Inject PolicyEventRepository calendar;
  @Inject GraceRepository grace;
  @Inject IncidentRepository incidents;
  @Inject Clock clock;

  /**
   * The state of enforcement now in a 시군구 of a 시도; with no place (both null), only what applies
   * nationwide counts.
   */
  public EnforcementStatus now(String sidoCode, String sigunguCode) {
    Instant now = clock.instant();
    LocalDate today = now.atZone(ClockProducer.KST).toLocalDate();
    List<PolicyEvent> events = calendar.all();
    return EnforcementStatus.decide(
        now,
        today,
        firstDay(events, PolicyEventKind.PASS_SUSPENDED),
        firstDay(events, PolicyEventKind.FINES_START),
        grace.activeAt(now).stream()
            .filter(d -> d.inWindow(now) && covers(d, sidoCode, sigunguCode))
            .toList(),
        incidents.open().stream().filter(i -> affects(i, now, sidoCode, sigunguCode)).toList(),
        GuidancePeriods.STANDARD.periods().stream()
            .anyMatch(p -> !today.isBefore(p.from()) && today.isBefore(p.until())));
  }

  private static LocalDate firstDay(List<PolicyEvent> events, PolicyEventKind kind) {
    return events.stream()
        .filter(e -> e.getKind() == kind)
        .map(PolicyEvent::getStartsOn)
        .min(LocalDate::compareTo)
        .orElse(null);
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
