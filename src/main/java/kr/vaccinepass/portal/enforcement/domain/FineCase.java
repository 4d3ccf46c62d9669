package kr.vaccinepass.portal.enforcement.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * One administrative fine through its procedure (질서위반행위규제법, domain-rules.md). Each step checks that
 * it may happen now, moves the state and records who, when, from, to and why; an impossible step is
 * refused with {@code fine.transition.invalid} naming both states. Dates are Kst.ZONE days.
 */
@Entity
@Table(name = "fine_case")
public class FineCase implements Serializable {
  private static final long serialVersionUID = 1L;

  /** At least 10 days to submit an opinion after the prior notice (Art. 16). */
  public static final int OPINION_DAYS = 10;

  /** Voluntary payment within the opinion period: 20% off (Art. 18). */
  public static final long VOLUNTARY_BP = 8_000;

  /** Objection in writing within 60 days of the imposition notice (Art. 20). */
  public static final int OBJECTION_DAYS = 60;

  /** The agency refers an objected case to the court within 14 days (Art. 21). */
  public static final int REFERRAL_DAYS = 14;

  private static final Set<FineState> CANCELLABLE =
      EnumSet.of(
          FineState.DRAFT, FineState.PRIOR_NOTICE_SENT, FineState.IMPOSED, FineState.OBJECTED);

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Version private int version;

  @Column(name = "amount_won", nullable = false, updatable = false)
  private Money amount;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private FineState state = FineState.DRAFT;

  @Column(name = "prior_notice_on")
  private LocalDate priorNoticeOn;

  @Column(name = "opinion_deadline")
  private LocalDate opinionDeadline;

  @Column(name = "imposed_on")
  private LocalDate imposedOn;

  @Column(name = "objection_received_on")
  private LocalDate objectionReceivedOn;

  @Column(name = "paid_won")
  private Money paid;

  @Column(name = "paid_on")
  private LocalDate paidOn;

  @Enumerated(EnumType.STRING)
  @Column(name = "state_before_waiver")
  private FineState stateBeforeWaiver;

  @Column(name = "refund_due", nullable = false)
  private boolean refundDue;

  /** Why the case is waived now: the reason of the declaration that holds it (null unless so). */
  @Column(name = "waiver_reason")
  private String waiverReason;

  @Column(name = "opinion")
  private String opinion;

  @Column(name = "opinion_at")
  private Instant opinionAt;

  @Column(name = "opinion_by")
  private Long opinionBy;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "fine_transition", joinColumns = @JoinColumn(name = "fine_case_id"))
  @OrderColumn(name = "step")
  private List<FineTransition> history = new ArrayList<>();

  protected FineCase() {}

  private FineCase(Money amount) {
    this.amount = amount;
  }

  /** A new case for the amount the penalty rules decided. */
  public static FineCase draft(Money amount, Instant at, long by) {
    if (amount == null || amount.isZero()) {
      throw BusinessException.of("fine.amount.required");
    }
    FineCase fine = new FineCase(amount);
    fine.history.add(new FineTransition(null, FineState.DRAFT, at, by, null));
    return fine;
  }

  /** The prior notice (사전통지), with the last day to submit an opinion: at least 10 days later. */
  public void sendPriorNotice(LocalDate noticeOn, LocalDate deadline, Instant at, long by) {
    require(FineState.PRIOR_NOTICE_SENT, FineState.DRAFT);
    if (deadline == null || deadline.isBefore(noticeOn.plusDays(OPINION_DAYS))) {
      throw BusinessException.onField(
          "opinionDeadline", "fine.opinionDeadline.tooSoon", noticeOn.plusDays(OPINION_DAYS));
    }
    priorNoticeOn = noticeOn;
    opinionDeadline = deadline;
    move(FineState.PRIOR_NOTICE_SENT, at, by, null);
  }

  /**
   * The party's opinion (의견 제출, Art. 16), on or before the last day of the opinion period, once;
   * the agency weighs it before imposing.
   */
  public void submitOpinion(String text, LocalDate on, Instant at, long by) {
    if (state != FineState.PRIOR_NOTICE_SENT) {
      throw BusinessException.of("fine.opinion.notOpen");
    }
    if (on.isAfter(opinionDeadline)) {
      throw BusinessException.onField("opinion", "fine.opinion.late", opinionDeadline);
    }
    if (text == null || text.isBlank()) {
      throw BusinessException.onField("opinion", "fine.opinion.required");
    }
    if (opinion != null) {
      throw BusinessException.onField("opinion", "fine.opinion.alreadySubmitted");
    }
    opinion = text.strip();
    opinionAt = at;
    opinionBy = by;
    history.add(new FineTransition(state, state, at, by, "opinion submitted"));
  }

  public String getOpinion() {
    return opinion;
  }

  public Instant getOpinionAt() {
    return opinionAt;
  }

  /** The reduced amount for paying within the opinion period (20% off). */
  public Money voluntaryAmount() {
    return amount.timesBasisPoints(VOLUNTARY_BP);
  }

  /** The imposition (부과), once the opinion period is over. */
  public void impose(LocalDate on, Instant at, long by) {
    require(FineState.IMPOSED, FineState.PRIOR_NOTICE_SENT);
    if (!on.isAfter(opinionDeadline)) {
      throw BusinessException.onField(
          "imposedOn", "fine.impose.opinionPeriodOpen", opinionDeadline);
    }
    imposedOn = on;
    move(FineState.IMPOSED, at, by, null);
  }

  /** The last day to object, which is also the day the payment falls due. */
  public LocalDate objectionDeadline() {
    return imposedOn == null ? null : imposedOn.plusDays(OBJECTION_DAYS);
  }

  /**
   * What the case stands at on that day while open, for sums over cases: the fine and, once
   * overdue, the arrears surcharge. Not what a payment must be, nor what a page offers as due
   * today: that is {@link #payableOn} (the reduced amount within the opinion period).
   */
  public Money dueOn(LocalDate day) {
    return dueOn(state, amount, imposedOn, day);
  }

  /**
   * The rule of {@link #dueOn(LocalDate)} for a case known only by its state, amount and imposition
   * day, so that a list's sum is taken case by case (each rounded down to the won) without loading
   * the cases; no case (null state) owes nothing.
   */
  public static Money dueOn(FineState state, Money amount, LocalDate imposedOn, LocalDate day) {
    if (state == null) {
      return Money.ZERO;
    }
    return switch (state) {
      case DRAFT, PRIOR_NOTICE_SENT -> amount;
      case IMPOSED -> amount.plus(Arrears.on(amount, imposedOn.plusDays(OBJECTION_DAYS), day));
      default -> Money.ZERO;
    };
  }

  /**
   * The steps an agency may take now, by the state alone (a step may still be refused for its date,
   * e.g. an imposition within the opinion period): what the case page offers.
   */
  public Set<FineStep> possibleSteps() {
    Set<FineStep> steps = EnumSet.noneOf(FineStep.class);
    switch (state) {
      case DRAFT -> steps.add(FineStep.PRIOR_NOTICE);
      case PRIOR_NOTICE_SENT -> steps.addAll(List.of(FineStep.PAYMENT, FineStep.IMPOSITION));
      case IMPOSED -> steps.addAll(List.of(FineStep.PAYMENT, FineStep.OBJECTION));
      case OBJECTED -> steps.add(FineStep.REFERRAL);
      default -> {}
    }
    if (CANCELLABLE.contains(state)) {
      steps.add(FineStep.CANCELLATION);
    }
    return steps;
  }

  /** Whether the reduced amount may still be paid on that day (within the opinion period). */
  public boolean voluntaryPaymentOpenOn(LocalDate day) {
    return state == FineState.PRIOR_NOTICE_SENT && !day.isAfter(opinionDeadline);
  }

  /** Whether the party may still give an opinion on that day (once, within the period). */
  public boolean opinionOpenOn(LocalDate day) {
    return voluntaryPaymentOpenOn(day) && opinion == null;
  }

  /** The day the objection letter was received, from which the referral deadline runs. */
  public LocalDate objectedOn() {
    return objectionReceivedOn;
  }

  /**
   * The next day by which something must happen in the procedure: the end of the opinion period
   * (Art. 16), the payment and objection deadline (Art. 20), or the referral to the court 14 days
   * after the objection was received (Art. 21); null when the case waits on nobody's deadline.
   */
  public LocalDate nextDeadline() {
    return switch (state) {
      case PRIOR_NOTICE_SENT -> opinionDeadline;
      case IMPOSED -> objectionDeadline();
      case OBJECTED -> {
        LocalDate objected = objectedOn();
        yield objected == null ? null : objected.plusDays(REFERRAL_DAYS);
      }
      default -> null;
    };
  }

  public Money arrearsOn(LocalDate day) {
    return state == FineState.IMPOSED ? Arrears.on(amount, objectionDeadline(), day) : Money.ZERO;
  }

  /**
   * Records a payment, the one rule of what may be paid and when. Within the opinion period the
   * reduced amount settles the case and closes it with no objection afterwards (Art. 18); after the
   * imposition the fine and, once the payment deadline has passed, the arrears (Arts. 20, 24).
   *
   * <ul>
   *   <li>The payment is dated between the notice it answers (the prior notice for the reduced
   *       amount, the imposition notice otherwise) and today, never later: a notice is never before
   *       its case, nor a case before its violation, so neither is a payment.
   *   <li>The reduced amount is open only until the last day of the opinion period.
   *   <li>At least what settles the case on the payment's day ({@link #payableOn}); more is
   *       accepted and the difference is owed back ({@link #refund()}).
   *   <li>At most {@link #mostEverDue()}: a larger sum is a typing error, not a payment (our rule,
   *       not the law's).
   * </ul>
   */
  public void pay(Money sum, LocalDate paidOn, LocalDate today, Instant at, long by) {
    FineState to =
        switch (state) {
          case PRIOR_NOTICE_SENT -> FineState.VOLUNTARILY_PAID;
          case IMPOSED -> FineState.PAID;
          default -> throw invalid(FineState.PAID);
        };
    if (paidOn.isAfter(today)) {
      throw BusinessException.onField("paidOn", "fine.payment.future", today);
    }
    if (state == FineState.PRIOR_NOTICE_SENT && paidOn.isBefore(priorNoticeOn)) {
      throw BusinessException.onField("paidOn", "fine.payment.beforePriorNotice", priorNoticeOn);
    }
    if (state == FineState.IMPOSED && paidOn.isBefore(imposedOn)) {
      throw BusinessException.onField("paidOn", "fine.payment.beforeImposition", imposedOn);
    }
    Money due = payableOn(paidOn);
    if (due == null) {
      throw BusinessException.onField("paidOn", "fine.voluntary.late", opinionDeadline);
    }
    if (sum.compareTo(mostEverDue()) > 0) {
      throw BusinessException.onField("amount", "fine.payment.implausible", sum, mostEverDue());
    }
    if (sum.compareTo(due) < 0) {
      throw BusinessException.onField("amount", "fine.payment.short", due);
    }
    paid = sum;
    this.paidOn = paidOn;
    move(to, at, by, null);
    refundDue = !refund().isZero();
  }

  /**
   * What settles the case if paid on that day: the reduced amount up to the end of the opinion
   * period (Art. 18), the fine with the arrears of that day once imposed (Arts. 20, 24); null when
   * no payment can be taken then (before the prior notice, between the opinion period and the
   * imposition, or once the case is closed).
   */
  public Money payableOn(LocalDate day) {
    return switch (state) {
      case PRIOR_NOTICE_SENT -> day.isAfter(opinionDeadline) ? null : voluntaryAmount();
      case IMPOSED -> dueOn(day);
      default -> null;
    };
  }

  /**
   * The most this case could ever ask for: the fine and the arrears at their ceiling (Art. 24). A
   * payment above it is refused as an error of entry; the cap is the portal's decision.
   */
  public Money mostEverDue() {
    return amount.plus(Arrears.ceiling(amount));
  }

  /**
   * What the agency owes back: all that was paid on a paid case that was waived, else what was paid
   * beyond the amount that settled the case on its payment day; zero when nothing is owed.
   */
  public Money refund() {
    if (paid == null) {
      return Money.ZERO;
    }
    FineState settled = state == FineState.WAIVED ? stateBeforeWaiver : state;
    Money due =
        switch (settled) {
          case VOLUNTARILY_PAID -> voluntaryAmount();
          case PAID -> dueOn(FineState.IMPOSED, amount, imposedOn, paidOn);
          default -> null;
        };
    if (due == null) {
      return Money.ZERO;
    }
    if (state == FineState.WAIVED) {
      return paid;
    }
    return paid.compareTo(due) > 0 ? paid.minus(due) : Money.ZERO;
  }

  /** A written objection (이의제기) within 60 days: the imposition loses its effect. */
  public void object(LocalDate receivedOn, String grounds, Instant at, long by) {
    require(FineState.OBJECTED, FineState.IMPOSED);
    if (receivedOn.isBefore(imposedOn)) {
      throw BusinessException.onField("receivedOn", "fine.objection.beforeImposition", imposedOn);
    }
    if (receivedOn.isAfter(objectionDeadline())) {
      throw BusinessException.onField("receivedOn", "fine.objection.late", objectionDeadline());
    }
    objectionReceivedOn = receivedOn;
    move(FineState.OBJECTED, at, by, grounds);
  }

  /** The agency refers the objected case to the court (due within 14 days of the objection). */
  public void refer(LocalDate on, Instant at, long by) {
    require(FineState.REFERRED, FineState.OBJECTED);
    move(FineState.REFERRED, at, by, null);
  }

  /** Cancelled by the agency, with the reason (e.g. logged in error). */
  public void cancel(String reason, Instant at, long by) {
    if (!CANCELLABLE.contains(state)) {
      throw invalid(FineState.CANCELLED);
    }
    if (reason == null || reason.isBlank()) {
      throw BusinessException.onField("reason", "fine.cancel.reasonRequired");
    }
    move(FineState.CANCELLED, at, by, reason.strip());
  }

  /**
   * A covered case is taken hold of by a grace declaration: one not yet waived is waived with the
   * declaration's reason (a paid one becomes "waived, refund due"); one already waived by another
   * declaration stays as it is, only held by this one too (recorded in its history). Overlapping
   * declarations thus waive a case once. A cancelled case is refused ({@code
   * fine.transition.invalid}): it has no fine to waive.
   *
   * @return whether the case was waived now
   */
  public boolean heldBy(GraceDeclaration declaration, Instant at, long by) {
    if (state == FineState.WAIVED) {
      holdToo(declaration.waiverReason(), at, by);
      return false;
    }
    waive(declaration.waiverReason(), at, by);
    return true;
  }

  /**
   * A declaration lets go of a case it held: the case returns to exactly where it was before the
   * waiver, unless another active declaration still holds it (overlapping declarations): then the
   * release is recorded and the case shows the reason of the one that still holds it.
   *
   * @param stillHolding an active declaration that holds the case too, or null
   * @return whether the case was restored now
   */
  public boolean releasedBy(
      GraceDeclaration declaration, GraceDeclaration stillHolding, Instant at, long by) {
    if (state != FineState.WAIVED) {
      return false;
    }
    if (stillHolding != null) {
      handOver(declaration.restoreReason(), stillHolding.waiverReason(), at, by);
      return false;
    }
    restore(declaration.restoreReason(), at, by);
    return true;
  }

  /**
   * Waived by a grace declaration: any case not cancelled; a case already paid becomes "waived,
   * refund due" of all it paid. The previous state is kept so that revoking the declaration
   * restores it.
   */
  public void waive(String reason, Instant at, long by) {
    if (state == FineState.CANCELLED || state == FineState.WAIVED) {
      throw invalid(FineState.WAIVED);
    }
    stateBeforeWaiver = state;
    waiverReason = reason;
    move(FineState.WAIVED, at, by, reason);
    refundDue = !refund().isZero();
  }

  /**
   * One more grace declaration holds the waived case (overlapping declarations): recorded, with
   * that declaration's reason; the case stays as it is and keeps the reason it was waived with.
   */
  public void holdToo(String reason, Instant at, long by) {
    requireWaived();
    history.add(new FineTransition(state, state, at, by, reason, FineEvent.GRACE_HOLD));
  }

  /**
   * A revoked declaration lets go of the case while another still holds it: the release is recorded
   * with the revocation's reason, and the case now shows the reason of the declaration that holds
   * it.
   */
  public void handOver(String releaseReason, String holderReason, Instant at, long by) {
    requireWaived();
    history.add(new FineTransition(state, state, at, by, releaseReason, FineEvent.GRACE_RELEASE));
    waiverReason = holderReason;
  }

  private void requireWaived() {
    if (state != FineState.WAIVED) {
      throw invalid(FineState.WAIVED);
    }
  }

  /** Undoes a waiver: back to the state before it (a refund only for an overpayment). */
  public void restore(String reason, Instant at, long by) {
    if (state != FineState.WAIVED) {
      throw invalid(stateBeforeWaiver == null ? FineState.DRAFT : stateBeforeWaiver);
    }
    FineState back = stateBeforeWaiver;
    stateBeforeWaiver = null;
    waiverReason = null;
    move(back, at, by, reason);
    refundDue = !refund().isZero();
  }

  /**
   * Why the case is waived: the reason of the declaration that holds it (after a revocation, the
   * one that still holds it); null when it is not waived.
   */
  public String waiverReason() {
    return state == FineState.WAIVED ? waiverReason : null;
  }

  private void require(FineState to, FineState from) {
    if (state != from) {
      throw invalid(to);
    }
  }

  private BusinessException invalid(FineState to) {
    return new BusinessException("fine.transition.invalid", null, state, to);
  }

  private void move(FineState to, Instant at, long by, String reason) {
    history.add(new FineTransition(state, to, at, by, reason));
    state = to;
  }

  public Long getId() {
    return id;
  }

  public Money getAmount() {
    return amount;
  }

  public FineState getState() {
    return state;
  }

  public LocalDate getPriorNoticeOn() {
    return priorNoticeOn;
  }

  public LocalDate getOpinionDeadline() {
    return opinionDeadline;
  }

  public LocalDate getImposedOn() {
    return imposedOn;
  }

  public Money getPaid() {
    return paid;
  }

  public LocalDate getPaidOn() {
    return paidOn;
  }

  public boolean isRefundDue() {
    return refundDue;
  }

  public FineState getStateBeforeWaiver() {
    return stateBeforeWaiver;
  }

  public List<FineTransition> getHistory() {
    return Collections.unmodifiableList(history);
  }
}
