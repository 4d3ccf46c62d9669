package kr.vaccinepass.portal.grace.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Whether fines for pass violations apply now in a place, and why not: the message key of the
 * reason, its detail (a declaration's reason, an incident's note) and since when.
 *
 * @param finesApply whether a violation found now would be fined
 * @param reason a message key: {@code status.*}
 * @param detail the declaration's reason or the incident's note, else null
 * @param since when the reason began, else null
 */
public record EnforcementStatus(boolean finesApply, String reason, String detail, Instant since) {

  /**
   * The rule, first match wins: the pass is suspended; fines have not started; a FULL grace for all
   * types covers the place; a verification-system incident is open there; a grace for some types or
   * causes covers it (fines apply to the rest); a guidance period runs for some types; else fines
   * apply.
   */
  public static EnforcementStatus decide(
      Instant now,
      LocalDate today,
      LocalDate passSuspendedFrom,
      LocalDate finesFrom,
      List<GraceDeclaration> graceHere,
      List<Incident> incidentsHere,
      boolean guidanceToday) {
    if (passSuspendedFrom != null && !today.isBefore(passSuspendedFrom)) {
      return new EnforcementStatus(false, "status.passSuspended", null, null);
    }
    if (finesFrom == null || today.isBefore(finesFrom)) {
      return new EnforcementStatus(false, "status.beforeFines", null, null);
    }
    for (GraceDeclaration d : graceHere) {
      if (d.getKind() == GraceKind.FULL && d.scope().allTypes()) {
        return new EnforcementStatus(false, "status.grace", d.getReason(), d.getStartsAt());
      }
    }
    if (!incidentsHere.isEmpty()) {
      Incident i = incidentsHere.get(0);
      return new EnforcementStatus(false, "status.incident", i.getNote(), i.getStartsAt());
    }
    if (!graceHere.isEmpty()) {
      GraceDeclaration d = graceHere.get(0);
      return new EnforcementStatus(true, "status.gracePartial", d.getReason(), d.getStartsAt());
    }
    if (guidanceToday) {
      return new EnforcementStatus(true, "status.guidance", null, null);
    }
    return new EnforcementStatus(true, "status.finesApply", null, null);
  }
}
