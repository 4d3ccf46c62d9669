package kr.vaccinepass.portal.enforcement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The fine's procedure (질서위반행위규제법): every valid step, a sample of invalid ones, deadlines. */
public class FineCaseTest {
  private static final Instant AT = Instant.parse("2021-12-20T01:00:00Z");
  private static final long BY = 7;
  private static final Money FINE = Money.won(1_500_000);
  private static final LocalDate NOTICE = LocalDate.of(2021, 12, 20);
  private static final LocalDate DEADLINE = NOTICE.plusDays(10); // 2021-12-30
  private static final LocalDate IMPOSED = LocalDate.of(2022, 1, 3);

  /** The day payments are recorded on, unless a test says otherwise: after every payment day. */
  private static final LocalDate TODAY = LocalDate.of(2022, 6, 1);

  /** A case brought to the named state by the valid steps (also for grace's tests). */
  public static FineCase in(FineState state) {
    FineCase fine = FineCase.draft(FINE, AT, BY);
    switch (state) {
      case DRAFT -> {}
      case PRIOR_NOTICE_SENT -> notice(fine);
      case VOLUNTARILY_PAID -> {
        notice(fine);
        fine.pay(Money.won(1_200_000), DEADLINE, TODAY, AT, BY);
      }
      case IMPOSED -> imposed(fine);
      case PAID -> {
        imposed(fine);
        fine.pay(FINE, IMPOSED.plusDays(30), TODAY, AT, BY);
      }
      case OBJECTED -> {
        imposed(fine);
        fine.object(IMPOSED.plusDays(20), "not my shop", AT, BY);
      }
      case REFERRED -> {
        imposed(fine);
        fine.object(IMPOSED.plusDays(20), "not my shop", AT, BY);
        fine.refer(IMPOSED.plusDays(30), AT, BY);
      }
      case CANCELLED -> fine.cancel("logged in error", AT, BY);
      case WAIVED -> fine.waive("grace 2021-12-13", AT, BY);
    }
    assertEquals(state, fine.getState());
    return fine;
  }

  private static void notice(FineCase fine) {
    fine.sendPriorNotice(NOTICE, DEADLINE, AT, BY);
  }

  private static void imposed(FineCase fine) {
    notice(fine);
    fine.impose(IMPOSED, AT, BY);
  }

  static Stream<Arguments> validSteps() {
    return Stream.of(
        // prior notice with exactly 10 days for an opinion (Art. 16)
        step(FineState.DRAFT, FineState.PRIOR_NOTICE_SENT, f -> notice(f)),
        // voluntary payment of 80% on the last day of the opinion period (Art. 18)
        step(
            FineState.PRIOR_NOTICE_SENT,
            FineState.VOLUNTARILY_PAID,
            f -> f.pay(Money.won(1_200_000), DEADLINE, TODAY, AT, BY)),
        // imposition the day after the opinion period
        step(
            FineState.PRIOR_NOTICE_SENT,
            FineState.IMPOSED,
            f -> f.impose(DEADLINE.plusDays(1), AT, BY)),
        // payment of the full fine before the deadline
        step(FineState.IMPOSED, FineState.PAID, f -> f.pay(FINE, IMPOSED, TODAY, AT, BY)),
        // objection on the 60th day (Art. 20)
        step(
            FineState.IMPOSED,
            FineState.OBJECTED,
            f -> f.object(IMPOSED.plusDays(60), "grounds", AT, BY)),
        // referral to the court (Art. 21)
        step(FineState.OBJECTED, FineState.REFERRED, f -> f.refer(IMPOSED.plusDays(70), AT, BY)),
        // cancellation with a reason from every open state
        step(FineState.DRAFT, FineState.CANCELLED, f -> f.cancel("error", AT, BY)),
        step(FineState.PRIOR_NOTICE_SENT, FineState.CANCELLED, f -> f.cancel("error", AT, BY)),
        step(FineState.IMPOSED, FineState.CANCELLED, f -> f.cancel("error", AT, BY)),
        step(FineState.OBJECTED, FineState.CANCELLED, f -> f.cancel("error", AT, BY)),
        // a grace declaration waives every case not cancelled, also closed ones
        step(FineState.DRAFT, FineState.WAIVED, f -> f.waive("grace", AT, BY)),
        step(FineState.PRIOR_NOTICE_SENT, FineState.WAIVED, f -> f.waive("grace", AT, BY)),
        step(FineState.IMPOSED, FineState.WAIVED, f -> f.waive("grace", AT, BY)),
        step(FineState.OBJECTED, FineState.WAIVED, f -> f.waive("grace", AT, BY)),
        step(FineState.REFERRED, FineState.WAIVED, f -> f.waive("grace", AT, BY)),
        step(FineState.PAID, FineState.WAIVED, f -> f.waive("grace", AT, BY)),
        step(FineState.VOLUNTARILY_PAID, FineState.WAIVED, f -> f.waive("grace", AT, BY)));
  }

  private static Arguments step(FineState from, FineState to, Consumer<FineCase> action) {
    return Arguments.of(from, to, action);
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("validSteps")
  void everyValidStepMovesAndIsRecorded(FineState from, FineState to, Consumer<FineCase> action) {
    FineCase fine = in(from);
    int before = fine.getHistory().size();

    action.accept(fine);

    assertEquals(to, fine.getState());
    FineTransition last = fine.getHistory().get(fine.getHistory().size() - 1);
    assertEquals(before + 1, fine.getHistory().size());
    assertEquals(from, last.from());
    assertEquals(to, last.to());
    assertEquals(BY, last.by());
    assertEquals(AT, last.at());
  }

  static Stream<Arguments> invalidSteps() {
    return Stream.of(
        // no imposition without the prior notice (a fine without it is unlawful)
        step(FineState.DRAFT, FineState.IMPOSED, f -> f.impose(IMPOSED, AT, BY)),
        // no voluntary payment before the notice
        step(
            FineState.DRAFT,
            FineState.VOLUNTARILY_PAID,
            f -> f.pay(Money.won(1_200_000), NOTICE, TODAY, AT, BY)),
        // no objection after a voluntary payment
        step(
            FineState.VOLUNTARILY_PAID,
            FineState.OBJECTED,
            f -> f.object(IMPOSED, "late change of heart", AT, BY)),
        // a paid case is not imposed again
        step(FineState.PAID, FineState.IMPOSED, f -> f.impose(IMPOSED, AT, BY)),
        // a paid or referred case is not cancelled
        step(FineState.PAID, FineState.CANCELLED, f -> f.cancel("x", AT, BY)),
        step(FineState.REFERRED, FineState.CANCELLED, f -> f.cancel("x", AT, BY)),
        step(FineState.VOLUNTARILY_PAID, FineState.CANCELLED, f -> f.cancel("x", AT, BY)),
        // no referral without an objection
        step(FineState.IMPOSED, FineState.REFERRED, f -> f.refer(IMPOSED, AT, BY)),
        // a cancelled case is not waived, a waived one not twice
        step(FineState.CANCELLED, FineState.WAIVED, f -> f.waive("grace", AT, BY)),
        step(FineState.WAIVED, FineState.WAIVED, f -> f.waive("grace", AT, BY)),
        // only a waived case is restored
        step(FineState.IMPOSED, FineState.IMPOSED, f -> f.restore("revoked", AT, BY)),
        // a case paid once is not paid again
        step(FineState.VOLUNTARILY_PAID, FineState.PAID, f -> f.pay(FINE, DEADLINE, TODAY, AT, BY)),
        step(FineState.PAID, FineState.PAID, f -> f.pay(FINE, IMPOSED, TODAY, AT, BY)));
  }

  @ParameterizedTest(name = "{0} ↛ {1}")
  @MethodSource("invalidSteps")
  void impossibleStepsAreRefusedAndChangeNothing(
      FineState from, FineState to, Consumer<FineCase> action) {
    FineCase fine = in(from);
    List<FineTransition> before = List.copyOf(fine.getHistory());

    BusinessException refused = assertThrows(BusinessException.class, () -> action.accept(fine));

    assertEquals("fine.transition.invalid", refused.messageKey());
    assertEquals(from, fine.getState());
    assertEquals(before, fine.getHistory());
  }

  @ParameterizedTest(name = "opinion deadline {0} days after the notice → accepted {1}")
  @CsvSource({
    "9, false", // one day short of Art. 16's 10 days
    "10, true", // exactly 10 days
    "14, true" // more is allowed
  })
  void thePriorNoticeGivesAtLeastTenDays(int days, boolean accepted) {
    FineCase fine = in(FineState.DRAFT);
    Runnable send = () -> fine.sendPriorNotice(NOTICE, NOTICE.plusDays(days), AT, BY);
    if (accepted) {
      send.run();
      assertEquals(FineState.PRIOR_NOTICE_SENT, fine.getState());
    } else {
      BusinessException e = assertThrows(BusinessException.class, send::run);
      assertEquals("fine.opinionDeadline.tooSoon", e.messageKey());
    }
  }

  @ParameterizedTest(name = "voluntary payment of {0} on {1} → {2}")
  @CsvSource({
    "1200000, 2021-12-30, VOLUNTARILY_PAID", // 80% on the last day of the opinion period
    "1200000, 2021-12-31, fine.voluntary.late", // a day late: the reduction is gone
    "1199999, 2021-12-30, fine.payment.short", // a won short
    "1500000, 2021-12-21, VOLUNTARILY_PAID" // paying more is accepted
  })
  void voluntaryPaymentIsTwentyPercentOffWithinTheOpinionPeriod(
      long won, LocalDate on, String outcome) {
    FineCase fine = in(FineState.PRIOR_NOTICE_SENT);
    assertEquals(Money.won(1_200_000), fine.voluntaryAmount());
    if (outcome.equals("VOLUNTARILY_PAID")) {
      fine.pay(Money.won(won), on, TODAY, AT, BY);
      assertEquals(FineState.VOLUNTARILY_PAID, fine.getState());
    } else {
      BusinessException e =
          assertThrows(BusinessException.class, () -> fine.pay(Money.won(won), on, TODAY, AT, BY));
      assertEquals(outcome, e.messageKey());
      assertEquals(FineState.PRIOR_NOTICE_SENT, fine.getState());
    }
  }

  @ParameterizedTest(name = "imposition on {0} → {1}")
  @CsvSource({
    "2021-12-30, fine.impose.opinionPeriodOpen", // the last day of the opinion period
    "2021-12-31, IMPOSED" // the day after
  })
  void impositionWaitsForTheOpinionPeriod(LocalDate on, String outcome) {
    FineCase fine = in(FineState.PRIOR_NOTICE_SENT);
    if (outcome.equals("IMPOSED")) {
      fine.impose(on, AT, BY);
      assertEquals(on.plusDays(60), fine.objectionDeadline());
    } else {
      BusinessException e = assertThrows(BusinessException.class, () -> fine.impose(on, AT, BY));
      assertEquals(outcome, e.messageKey());
    }
  }

  @ParameterizedTest(name = "objection received {0} days after the imposition → {1}")
  @CsvSource({
    "59, OBJECTED", // within the 60 days
    "60, OBJECTED", // the 60th day
    "61, fine.objection.late", // too late
    "-1, fine.objection.beforeImposition" // a letter cannot answer an imposition not yet made
  })
  void objectionWithinSixtyDays(int days, String outcome) {
    FineCase fine = in(FineState.IMPOSED);
    if (outcome.equals("OBJECTED")) {
      fine.object(IMPOSED.plusDays(days), "grounds", AT, BY);
      assertEquals(FineState.OBJECTED, fine.getState());
      assertEquals("grounds", fine.getHistory().get(fine.getHistory().size() - 1).reason());
      assertEquals(IMPOSED.plusDays(days), fine.objectedOn());
    } else {
      BusinessException e =
          assertThrows(
              BusinessException.class,
              () -> fine.object(IMPOSED.plusDays(days), "grounds", AT, BY));
      assertEquals(outcome, e.messageKey());
    }
  }

  @ParameterizedTest(name = "paid {1} on day {0} after the imposition → {2}")
  @CsvSource({
    "60, 1500000, PAID", // on the deadline: the fine alone
    "61, 1500000, fine.payment.short", // a day late: 3% more is due
    "61, 1545000, PAID", // fine + 3%
    "91, 1563000, PAID" // a month after the deadline: + 3% + 1.2%
  })
  void paymentAfterTheDeadlineIncludesTheArrears(int days, long won, String outcome) {
    FineCase fine = in(FineState.IMPOSED);
    LocalDate on = IMPOSED.plusDays(days);
    if (outcome.equals("PAID")) {
      fine.pay(Money.won(won), on, TODAY, AT, BY);
      assertEquals(FineState.PAID, fine.getState());
    } else {
      BusinessException e =
          assertThrows(BusinessException.class, () -> fine.pay(Money.won(won), on, TODAY, AT, BY));
      assertEquals(outcome, e.messageKey());
    }
  }

  @ParameterizedTest(name = "opinion on {0} in state {1} → {2}")
  @CsvSource({
    "2021-12-30, PRIOR_NOTICE_SENT, ok", // the last day of the opinion period
    "2021-12-31, PRIOR_NOTICE_SENT, fine.opinion.late", // a day late
    "2021-12-25, DRAFT, fine.opinion.notOpen", // before the prior notice
    "2022-01-05, IMPOSED, fine.opinion.notOpen" // after the imposition
  })
  void anOpinionWithinTheOpinionPeriod(LocalDate on, FineState state, String outcome) {
    FineCase fine = in(state);
    if (outcome.equals("ok")) {
      fine.submitOpinion("the app was down", on, AT, 99);
      assertEquals("the app was down", fine.getOpinion());
      assertEquals(state, fine.getState());
      BusinessException twice =
          assertThrows(BusinessException.class, () -> fine.submitOpinion("again", on, AT, 99));
      assertEquals("fine.opinion.alreadySubmitted", twice.messageKey());
    } else {
      BusinessException e =
          assertThrows(BusinessException.class, () -> fine.submitOpinion("x", on, AT, 99));
      assertEquals(outcome, e.messageKey());
    }
  }

  @Test
  void cancellingNeedsAReason() {
    FineCase fine = in(FineState.IMPOSED);
    BusinessException e = assertThrows(BusinessException.class, () -> fine.cancel("  ", AT, BY));
    assertEquals("fine.cancel.reasonRequired", e.messageKey());
    assertEquals(FineState.IMPOSED, fine.getState());
  }

  @ParameterizedTest(name = "waiving {0} then restoring")
  @CsvSource({
    "DRAFT, false",
    "PRIOR_NOTICE_SENT, false",
    "IMPOSED, false",
    "OBJECTED, false",
    "PAID, true", // waived, refund due
    "VOLUNTARILY_PAID, true" // waived, refund due
  })
  void aWaiverKeepsThePreviousStateAndIsUndoneExactly(FineState from, boolean refund) {
    FineCase fine = in(from);

    fine.waive("grace 2021-12-13", AT, BY);
    assertEquals(FineState.WAIVED, fine.getState());
    assertEquals(from, fine.getStateBeforeWaiver());
    assertEquals(refund, fine.isRefundDue());

    fine.restore("declaration revoked", AT, BY);
    assertEquals(from, fine.getState());
    assertFalse(fine.isRefundDue());
    assertNull(fine.getStateBeforeWaiver());
  }

  @Test
  void aWaivedCaseRecordsEachHoldAndReleaseAndShowsTheReasonThatHoldsIt() {
    FineCase fine = in(FineState.DRAFT);
    fine.waive("first", AT, BY);
    fine.holdToo("second", AT, BY);
    assertEquals("first", fine.waiverReason());
    fine.handOver("first revoked", "second", AT, BY);
    assertEquals("second", fine.waiverReason());
    assertEquals(FineState.WAIVED, fine.getState());
    List<FineTransition> h = fine.getHistory();
    assertEquals(FineEvent.GRACE_HOLD, h.get(h.size() - 2).event());
    assertEquals(FineEvent.GRACE_RELEASE, h.get(h.size() - 1).event());
    assertEquals("first revoked", h.get(h.size() - 1).reason());

    FineCase draft = in(FineState.DRAFT);
    BusinessException notWaived =
        assertThrows(BusinessException.class, () -> draft.holdToo("x", AT, BY));
    assertEquals("fine.transition.invalid", notWaived.messageKey());
    assertThrows(BusinessException.class, () -> draft.handOver("x", "y", AT, BY));
    assertEquals(1, draft.getHistory().size());
  }

  @Test
  void aDraftNeedsAnAmount() {
    assertThrows(BusinessException.class, () -> FineCase.draft(Money.ZERO, AT, BY));
    assertTrue(FineState.PAID.closed());
    assertFalse(FineState.IMPOSED.closed());
  }

  private static final java.util.Map<FineStep, Consumer<FineCase>> STEPS =
      java.util.Map.of(
          FineStep.PRIOR_NOTICE,
          f -> notice(f),
          // one step: the case decides whether it is the reduced payment or the imposed one
          FineStep.PAYMENT,
          f -> f.pay(FINE, f.getImposedOn() == null ? DEADLINE : IMPOSED, TODAY, AT, BY),
          FineStep.IMPOSITION,
          f -> f.impose(DEADLINE.plusDays(1), AT, BY),
          FineStep.OBJECTION,
          f -> f.object(IMPOSED.plusDays(20), "grounds", AT, BY),
          FineStep.REFERRAL,
          f -> f.refer(IMPOSED.plusDays(30), AT, BY),
          FineStep.CANCELLATION,
          f -> f.cancel("error", AT, BY));

  static Stream<Arguments> everyStateAndStep() {
    return Stream.of(FineState.values())
        .flatMap(state -> Stream.of(FineStep.values()).map(step -> Arguments.of(state, step)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyStateAndStep")
  void thePossibleStepsAreExactlyThoseTheStateMachineTakes(FineState state, FineStep step) {
    FineCase fine = in(state);
    boolean offered = fine.possibleSteps().contains(step);

    BusinessException refused = null;
    try {
      STEPS.get(step).accept(fine);
    } catch (BusinessException e) {
      refused = e;
    }

    if (offered) {
      assertNull(refused, () -> step + " is offered in " + state + " but refused");
    } else {
      assertEquals("fine.transition.invalid", refused == null ? null : refused.messageKey());
    }
  }

  @ParameterizedTest(name = "next deadline in {0} → {1}")
  @CsvSource({
    "DRAFT, ", // nobody's deadline yet
    "PRIOR_NOTICE_SENT, 2021-12-30", // the end of the opinion period (Art. 16)
    "IMPOSED, 2022-03-04", // 60 days after the imposition: payment and objection (Art. 20)
    "OBJECTED, 2022-02-06", // 14 days after the objection was received, 2022-01-23 (Art. 21)
    "PAID, ",
    "CANCELLED, "
  })
  void theNextDeadlineFollowsTheState(FineState state, LocalDate expected) {
    assertEquals(expected, in(state).nextDeadline());
  }

  @ParameterizedTest(name = "on {0}: reduced payment {1}, opinion {2}")
  @CsvSource({
    "2021-12-30, true, true", // the last day of the opinion period
    "2021-12-31, false, false" // a day late
  })
  void theReducedAmountAndTheOpinionAreOpenWithinTheOpinionPeriod(
      LocalDate day, boolean voluntary, boolean opinion) {
    FineCase fine = in(FineState.PRIOR_NOTICE_SENT);
    assertEquals(voluntary, fine.voluntaryPaymentOpenOn(day));
    assertEquals(opinion, fine.opinionOpenOn(day));
    fine.submitOpinion("the app was down", NOTICE, AT, 99);
    assertFalse(fine.opinionOpenOn(NOTICE), "once only");
    assertTrue(fine.voluntaryPaymentOpenOn(NOTICE));
    assertFalse(in(FineState.IMPOSED).voluntaryPaymentOpenOn(NOTICE));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyState")
  void whatIsDueByStateAloneIsWhatTheCaseSays(FineState state) {
    FineCase fine = in(state);
    for (LocalDate day : List.of(IMPOSED, IMPOSED.plusDays(61), IMPOSED.plusDays(400))) {
      assertEquals(
          fine.dueOn(day),
          FineCase.dueOn(fine.getState(), fine.getAmount(), fine.getImposedOn(), day),
          day.toString());
    }
    assertEquals(Money.ZERO, FineCase.dueOn(null, null, null, IMPOSED), "no case owes nothing");
  }

  static Stream<FineState> everyState() {
    return Stream.of(FineState.values());
  }

  /**
   * The one payment rule, on the case: when a payment may be dated and how much settles it. The
   * fine is 1,500,000원; the violation and the case are of 2021-12-20 (the notice's day), the
   * opinion period ends 2021-12-30, the imposition is of 2022-01-03 and its payment deadline
   * 2022-03-04.
   */
  @ParameterizedTest(name = "{0}, today {1}: {2}원 paid on {3} → {4}, refund {5}")
  @CsvSource({
    // the date: between the notice and today
    "PRIOR_NOTICE_SENT, 2021-12-25, 1200000, 2021-12-19, fine.payment.beforePriorNotice, 0",
    // before the violation of 2021-12-20 (a notice is never before its case, nor a case before
    // its violation)
    "PRIOR_NOTICE_SENT, 2021-12-25, 1200000, 2021-11-30, fine.payment.beforePriorNotice, 0",
    "PRIOR_NOTICE_SENT, 2021-12-25, 1200000, 2021-12-20, VOLUNTARILY_PAID, 0",
    "PRIOR_NOTICE_SENT, 2021-12-25, 1200000, 2021-12-25, VOLUNTARILY_PAID, 0",
    "PRIOR_NOTICE_SENT, 2021-12-25, 1200000, 2021-12-26, fine.payment.future, 0",
    "IMPOSED, 2022-01-10, 1500000, 2022-01-02, fine.payment.beforeImposition, 0",
    "IMPOSED, 2022-01-10, 1500000, 2021-12-20, fine.payment.beforeImposition, 0",
    "IMPOSED, 2022-01-10, 1500000, 2022-01-03, PAID, 0",
    "IMPOSED, 2022-01-10, 1500000, 2022-01-11, fine.payment.future, 0",
    // the reduced amount (Art. 18) on the last day of the opinion period, not a day later
    "PRIOR_NOTICE_SENT, 2022-01-02, 1200000, 2021-12-30, VOLUNTARILY_PAID, 0",
    "PRIOR_NOTICE_SENT, 2022-01-02, 1199999, 2021-12-30, fine.payment.short, 0",
    "PRIOR_NOTICE_SENT, 2022-01-02, 1200000, 2021-12-31, fine.voluntary.late, 0",
    // the full fine within the opinion period: the case closes, the 20% is owed back
    "PRIOR_NOTICE_SENT, 2021-12-25, 1500000, 2021-12-25, VOLUNTARILY_PAID, 300000",
    // the fine alone up to the payment deadline (Art. 20), the arrears after it (Art. 24)
    "IMPOSED, 2022-06-01, 1500000, 2022-03-04, PAID, 0",
    "IMPOSED, 2022-06-01, 1500000, 2022-03-05, fine.payment.short, 0",
    "IMPOSED, 2022-06-01, 1544999, 2022-03-05, fine.payment.short, 0",
    "IMPOSED, 2022-06-01, 1545000, 2022-03-05, PAID, 0",
    "IMPOSED, 2022-06-01, 1545000, 2022-04-04, fine.payment.short, 0",
    "IMPOSED, 2022-06-01, 1563000, 2022-04-04, PAID, 0",
    "IMPOSED, 2022-06-01, 1600000, 2022-03-05, PAID, 55000",
    // an absurd amount is refused: at most the fine and the most arrears (1.75 × the fine)
    "PRIOR_NOTICE_SENT, 2021-12-25, 1000000000000, 2021-12-25, fine.payment.implausible, 0",
    "PRIOR_NOTICE_SENT, 2021-12-25, 2625001, 2021-12-25, fine.payment.implausible, 0",
    "PRIOR_NOTICE_SENT, 2021-12-25, 2625000, 2021-12-25, VOLUNTARILY_PAID, 1425000",
    "IMPOSED, 2022-06-01, 2625001, 2022-03-05, fine.payment.implausible, 0",
    "IMPOSED, 2022-06-01, 1000000000000, 2022-01-03, fine.payment.implausible, 0"
  })
  void thePaymentRule(
      FineState state, LocalDate today, long won, LocalDate paidOn, String outcome, long refund) {
    FineCase fine = in(state);
    List<FineTransition> before = List.copyOf(fine.getHistory());
    if (outcome.equals(FineState.PAID.name()) || outcome.equals("VOLUNTARILY_PAID")) {
      fine.pay(Money.won(won), paidOn, today, AT, BY);
      assertEquals(FineState.valueOf(outcome), fine.getState());
      assertEquals(Money.won(won), fine.getPaid());
      assertEquals(paidOn, fine.getPaidOn());
      assertEquals(Money.won(refund), fine.refund());
      assertEquals(refund > 0, fine.isRefundDue());
      assertFalse(fine.possibleSteps().contains(FineStep.PAYMENT), "paid once");
    } else {
      BusinessException e =
          assertThrows(
              BusinessException.class, () -> fine.pay(Money.won(won), paidOn, today, AT, BY));
      assertEquals(outcome, e.messageKey());
      assertEquals(
          outcome.equals("fine.payment.short") || outcome.equals("fine.payment.implausible")
              ? "amount"
              : "paidOn",
          e.field().orElseThrow());
      assertEquals(state, fine.getState());
      assertNull(fine.getPaid());
      assertEquals(before, fine.getHistory());
    }
  }

  @ParameterizedTest(name = "in {0} on {1}: payable {2}")
  @CsvSource({
    "DRAFT, 2021-12-25, ", // nothing can be paid before the prior notice
    "PRIOR_NOTICE_SENT, 2021-12-30, 1200000", // the reduced amount to the last day
    "PRIOR_NOTICE_SENT, 2021-12-31, ", // then nothing until the imposition
    "IMPOSED, 2022-03-04, 1500000",
    "IMPOSED, 2022-03-05, 1545000",
    "PAID, 2022-03-05, ",
    "WAIVED, 2022-03-05, "
  })
  void whatSettlesTheCaseOnADayIsWhatThePaymentRuleAsks(FineState state, LocalDate day, Long won) {
    assertEquals(won == null ? null : Money.won(won), in(state).payableOn(day));
    assertEquals(Money.won(2_625_000), in(state).mostEverDue());
  }

  @Test
  void aPaidCaseThatIsWaivedOwesEverythingBackAndItsRestoreOnlyTheOverpayment() {
    FineCase fine = in(FineState.PRIOR_NOTICE_SENT);
    fine.pay(Money.won(1_300_000), DEADLINE, TODAY, AT, BY);
    assertEquals(Money.won(100_000), fine.refund(), "paid 100,000원 more than the reduced amount");

    fine.waive("grace", AT, BY);
    assertEquals(Money.won(1_300_000), fine.refund(), "waived: all of it goes back");
    assertTrue(fine.isRefundDue());

    fine.restore("revoked", AT, BY);
    assertEquals(Money.won(100_000), fine.refund());
    assertTrue(fine.isRefundDue());

    FineCase unpaid = in(FineState.IMPOSED);
    unpaid.waive("grace", AT, BY);
    assertEquals(Money.ZERO, unpaid.refund());
    assertFalse(unpaid.isRefundDue());
  }
}
