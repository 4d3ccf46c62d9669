package kr.vaccinepass.portal.enforcement.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * The sums of a list of violations: how many, the fines the law set for them, and what is due on a
 * day (the fine, with the arrears once overdue, of every case still open; {@link FineCase#dueOn}).
 */
public record FineTotals(long count, Money fines, Money due) implements Serializable {
  public static final FineTotals NONE = new FineTotals(0, Money.ZERO, Money.ZERO);

  /**
   * Violations alike in everything the sums need, counted together, so that the sums need no loaded
   * case: the fine set, and the case's state, amount and imposition day (null without case).
   */
  public record Group(Money fine, FineState state, Money amount, LocalDate imposedOn, long count) {}

  /** The sums of the groups on that day. */
  public static FineTotals of(List<Group> groups, LocalDate day) {
    long count = 0;
    long fines = 0;
    long due = 0;
    for (Group g : groups) {
      count += g.count();
      fines = Math.addExact(fines, Math.multiplyExact(g.fine().won(), g.count()));
      Money each = FineCase.dueOn(g.state(), g.amount(), g.imposedOn(), day);
      due = Math.addExact(due, Math.multiplyExact(each.won(), g.count()));
    }
    return new FineTotals(count, Money.won(fines), Money.won(due));
  }
}
