package kr.vaccinepass.portal.enforcement.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import kr.vaccinepass.portal.enforcement.application.EnforcementService;
import kr.vaccinepass.portal.enforcement.domain.FineCase;
import kr.vaccinepass.portal.enforcement.domain.FineStep;
import kr.vaccinepass.portal.enforcement.domain.FineTransition;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.Money;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.web.Messages;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * inspector/case.xhtml: one violation, its penalty and its fine case with the history; the steps
 * the case allows now, each refused next to its field; the notices as PDF.
 */
@Named
@ViewScoped
public class CaseBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject EnforcementService enforcement;
  @Inject AccountService accounts;
  @Inject Messages messages;

  private Long id;
  private Violation violation;
  private String facilityName;
  private Map<Long, String> people = Map.of();
  private LocalDate today;
  private Money payableToday;

  private LocalDate opinionDeadline;
  private Long paymentWon;
  private LocalDate paidOn;
  private LocalDate receivedOn;
  private String grounds;
  private String reason;

  /** The view parameter: a violation of the inspector's 시군구. */
  public void load() {
    if (id == null) {
      messages.error("enforcement.outsideJurisdiction");
      return;
    }
    try {
      refresh();
    } catch (NotFoundException e) {
      messages.error(e.messageKey());
    }
  }

  /** Reads the case again and sets each step's inputs to what it most likely is. */
  private void refresh() {
    violation = enforcement.violation(id);
    today = enforcement.today();
    // the facility of the case's day: it may since have moved to another 시군구
    facilityName = violation.getFacility().name();
    FineCase fine = violation.getFineCase();
    if (fine != null) {
      people = accounts.displayNames(fine.getHistory().stream().map(FineTransition::by).toList());
      opinionDeadline = today.plusDays(FineCase.OPINION_DAYS);
      // the case's one rule of what settles it today: shown, and offered as the payment
      payableToday = fine.payableOn(today);
      paymentWon = payableToday == null ? null : payableToday.won();
      paidOn = today;
      receivedOn = today;
      grounds = null;
      reason = null;
    }
  }

  public void sendPriorNotice() {
    step(
        "priorNoticeForm",
        "inspector.case.priorNotice.done",
        () -> enforcement.sendPriorNotice(id, opinionDeadline));
  }

  public void recordPayment() {
    step(
        "paymentForm",
        "inspector.case.payment.done",
        () ->
            enforcement.recordPayment(
                id, paymentWon == null ? null : Money.won(paymentWon), paidOn));
  }

  public void impose() {
    step("imposeForm", "inspector.case.impose.done", () -> enforcement.impose(id));
  }

  public void recordObjection() {
    step(
        "objectionForm",
        "inspector.case.objection.done",
        () -> enforcement.recordObjection(id, receivedOn, grounds));
  }

  public void referToCourt() {
    step("referForm", "inspector.case.refer.done", () -> enforcement.referToCourt(id));
  }

  public void cancel() {
    step("cancelForm", "inspector.case.cancel.done", () -> enforcement.cancelFine(id, reason));
  }

  private void step(String formId, String doneKey, Runnable step) {
    try {
      step.run();
      refresh();
      messages.info(doneKey);
    } catch (BusinessException e) {
      messages.show(e, formId);
    } catch (ConstraintViolationException e) {
      messages.show(e, formId);
    }
  }

  /** Whether the case allows that step now (by its state). */
  public boolean allows(String step) {
    FineCase fine = violation == null ? null : violation.getFineCase();
    return fine != null && fine.possibleSteps().contains(FineStep.valueOf(step));
  }

  public StreamedContent getPriorNotice() {
    return pdf(Notice.Kind.PRIOR_NOTICE, "prior-notice");
  }

  public StreamedContent getImpositionNotice() {
    return pdf(Notice.Kind.IMPOSITION, "imposition-notice");
  }

  private StreamedContent pdf(Notice.Kind kind, String name) {
    byte[] bytes = enforcement.notice(id, kind);
    return DefaultStreamedContent.builder()
        .name("VP-" + id + "-" + name + ".pdf")
        .contentType("application/pdf")
        .contentLength((long) bytes.length)
        .stream(() -> new ByteArrayInputStream(bytes))
        .build();
  }

  /** Who took a step: their name, else their account number. */
  public String person(long accountId) {
    return people.getOrDefault(accountId, "#" + accountId);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Violation getViolation() {
    return violation;
  }

  public FineCase getFine() {
    return violation == null ? null : violation.getFineCase();
  }

  public String getFacilityName() {
    return facilityName;
  }

  public LocalDate getToday() {
    return today;
  }

  /**
   * What settles the case if paid today ({@link FineCase#payableOn}): the reduced amount within the
   * opinion period, the fine with its arrears once imposed; null when no payment is taken today.
   */
  public Money getPayableToday() {
    return payableToday;
  }

  public LocalDate getOpinionDeadline() {
    return opinionDeadline;
  }

  public void setOpinionDeadline(LocalDate opinionDeadline) {
    this.opinionDeadline = opinionDeadline;
  }

  public Long getPaymentWon() {
    return paymentWon;
  }

  public void setPaymentWon(Long paymentWon) {
    this.paymentWon = paymentWon;
  }

  public LocalDate getPaidOn() {
    return paidOn;
  }

  public void setPaidOn(LocalDate paidOn) {
    this.paidOn = paidOn;
  }

  public LocalDate getReceivedOn() {
    return receivedOn;
  }

  public void setReceivedOn(LocalDate receivedOn) {
    this.receivedOn = receivedOn;
  }

  public String getGrounds() {
    return grounds;
  }

  public void setGrounds(String grounds) {
    this.grounds = grounds;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
