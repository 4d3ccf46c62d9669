package kr.vaccinepass.portal.grace.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.Kst;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether fines apply now, and why not (the public page and the banner): each rule and the order in
 * which they win, on the dates of domain-rules.md.
 */
class EnforcementStatusTest {
  private static final LocalDate FINES_FROM = LocalDate.of(2021, 11, 8);
  private static final LocalDate PASS_SUSPENDED = LocalDate.of(2022, 3, 1);

  @ParameterizedTest(name = "{0} grace={1} incident={2} guidance={3} → {4} {5}")
  @CsvSource({
    // columns: day, grace here (NONE, FULL, FULL_SOME_TYPES, VERIFICATION), incident open here,
    //          a guidance period today, fines apply, reason
    "2021-11-07, NONE,            false, true,  false, status.beforeFines",
    "2021-11-08, NONE,            false, false, true,  status.finesApply",
    "2021-12-08, NONE,            false, true,  true,  status.guidance",
    "2021-12-13, FULL,            false, false, false, status.grace",
    "2021-12-13, FULL,            true,  false, false, status.grace", // the grace says it all
    "2021-12-14, VERIFICATION,    false, false, true,  status.gracePartial",
    "2021-12-14, VERIFICATION,    true,  false, false, status.incident",
    "2021-12-14, NONE,            true,  false, false, status.incident",
    "2021-12-15, FULL_SOME_TYPES, false, false, true,  status.gracePartial",
    "2022-02-28, NONE,            false, false, true,  status.finesApply",
    "2022-03-01, FULL,            true,  false, false, status.passSuspended", // nothing to fine
  })
  void theFirstRuleThatMatchesDecides(
      LocalDate day,
      String grace,
      boolean incident,
      boolean guidance,
      boolean finesApply,
      String reason) {
    Instant now = day.atTime(12, 5).atZone(Kst.ZONE).toInstant();
    List<GraceDeclaration> graceHere = new ArrayList<>();
    if (!grace.equals("NONE")) {
      GraceKind kind =
          grace.equals("VERIFICATION") ? GraceKind.VERIFICATION_FAILURE : GraceKind.FULL;
      GraceScope scope =
          grace.equals("FULL_SOME_TYPES")
              ? GraceScope.NATIONWIDE.onlyTypes(Set.of("KARAOKE"))
              : GraceScope.NATIONWIDE;
      graceHere.add(GraceDeclaration.wholeDay(day, kind, scope, "사유", null, now, 1));
    }
    List<Incident> incidents =
        incident
            ? List.of(
                Incident.declare(now.minusSeconds(600), GraceScope.NATIONWIDE, "QR 장애", 1, now))
            : List.of();

    EnforcementStatus status =
        EnforcementStatus.decide(
            now, day, PASS_SUSPENDED, FINES_FROM, graceHere, incidents, guidance);

    assertEquals(finesApply, status.finesApply());
    assertEquals(reason, status.reason());
  }
}
