package kr.vaccinepass.portal.grace.domain;

import java.util.Objects;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * One row of an operator's penalty table: the fine and sanction of the n-th violation.
 *
 * @param count the violation's number, from 1; a schedule's last row applies to every higher count
 * @param fine the administrative fine (과태료)
 * @param sanction the sanction proposed beside the fine
 */
public record PenaltyRow(int count, Money fine, Sanction sanction) {
  public PenaltyRow {
    if (count < 1) {
      throw new IllegalArgumentException("a violation count starts at 1: " + count);
    }
    Objects.requireNonNull(fine, "fine");
    Objects.requireNonNull(sanction, "sanction");
  }
}
