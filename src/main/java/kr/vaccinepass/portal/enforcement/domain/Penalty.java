package kr.vaccinepass.portal.enforcement.domain;

import java.io.Serializable;
import java.util.Objects;
import kr.vaccinepass.portal.grace.domain.Sanction;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * The penalty the law sets for one violation: what the fine case starts from.
 *
 * @param fine the administrative fine (과태료) before any reduction; ZERO for a warning only
 * @param proposedSanction the sanction proposed beside the fine; it takes effect when decided
 * @param warningOnly true when a guidance period (계도기간) covered the violation: warned, not fined
 * @param schedule the name of the schedule in force at the violation, e.g. "2021-11"
 * @param source the public source of that schedule (domain-rules.md)
 * @param policyRevision the revision of the enforcement calendar the penalty was decided by
 */
public record Penalty(
    Money fine,
    Sanction proposedSanction,
    boolean warningOnly,
    String schedule,
    String source,
    long policyRevision)
    implements Serializable {
  public Penalty {
    Objects.requireNonNull(fine, "fine");
    Objects.requireNonNull(proposedSanction, "proposedSanction");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(source, "source");
    if (warningOnly && !fine.isZero()) {
      throw new IllegalArgumentException("a warning only has no fine: " + fine);
    }
  }
}
