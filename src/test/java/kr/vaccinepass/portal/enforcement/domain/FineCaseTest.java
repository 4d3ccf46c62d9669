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
class FineCaseTest {
  private static final Instant AT = Instant.parse("2021-12-20T01:00:00Z");
  private static final long BY = 7;
  private static final Money FINE = Money.won(1_500_000);
  private static final LocalDate NOTICE = LocalDate.of(2021, 12, 20);
  private static final LocalDate DEADLINE = NOTICE.plusDays(10); // 2021-12-30
  private static final LocalDate IMPOSED = LocalDate.of(2022, 1, 3);

  /** A case brought to the named state by the valid steps. */
  static FineCase in(FineState state) {
    FineCase fine = FineCase.draft(FINE, AT, BY);
    switch (state) {
      case DRAFT -> {}
      case PRIOR_NOTICE_SENT -> notice(fine);
      case VOLUNTARILY_PAID -> {
        notice(fine);
        fine.payVoluntarily(Money.won(1_200_000), DEADLINE, AT, BY);
      }
      case IMPOSED -> imposed(fine);
      case PAID -> {
        imposed(fine);
        fine.pay(FINE, IMPOSED.plusDays(30), AT, BY);
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
            f -> f.payVoluntarily(Money.won(1_200_000), DEADLINE, AT, BY)),
        // imposition the day after the opinion period
        step(
            FineState.PRIOR_NOTICE_SENT,
            FineState.IMPOSED,
            f -> f.impose(DEADLINE.plusDays(1), AT, BY)),
        // payment of the full fine before the deadline
        step(FineState.IMPOSED, FineState.PAID, f -> f.pay(FINE, IMPOSED, AT, BY)),
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
            f -> f.payVoluntarily(Money.won(1_200_000), NOTICE, AT, BY)),
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
        // no payment before the imposition (the voluntary one has its own step)
        step(FineState.PRIOR_NOTICE_SENT, FineState.PAID, f -> f.pay(FINE, DEADLINE, AT, BY)));
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
      fine.payVoluntarily(Money.won(won), on, AT, BY);
      assertEquals(FineState.VOLUNTARILY_PAID, fine.getState());
    } else {
      BusinessException e =
          assertThrows(
              BusinessException.class, () -> fine.payVoluntarily(Money.won(won), on, AT, BY));
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
      fine.pay(Money.won(won), on, AT, BY);
      assertEquals(FineState.PAID, fine.getState());
    } else {
      BusinessException e =
          assertThrows(BusinessException.class, () -> fine.pay(Money.won(won), on, AT, BY));
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
          // as the service does: the reduced payment in the opinion period, else the imposed one
          FineStep.PAYMENT,
          f -> {
            if (f.getState() == FineState.PRIOR_NOTICE_SENT) {
              f.payVoluntarily(Money.won(1_200_000), DEADLINE, AT, BY);
            } else {
              f.pay(FINE, IMPOSED, AT, BY);
            }
          },
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
}
