package kr.vaccinepass.portal.enforcement.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;
import kr.vaccinepass.portal.grace.domain.ViolationCause;
import kr.vaccinepass.portal.shared.domain.PhoneNumbers;
import kr.vaccinepass.portal.shared.domain.PlainText;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;

/** What an inspector records of a violation. The visitor fields are for a VISITOR violation. */
public class ViolationDraft implements Serializable {
  private static final long serialVersionUID = 1L;

  @NotNull(message = "{violation.kind.required}")
  private ViolationKind kind;

  @NotNull(message = "{violation.time.required}")
  private Instant occurredAt;

  /** Why the pass was not in order; guidance periods may cover only some causes. */
  @NotNull(message = "{violation.cause.required}")
  private ViolationCause cause = ViolationCause.NO_VALID_PASS;

  @Size(max = TextRules.VISITOR_NAME, message = "{visit.name.tooLong}")
  @SingleLine
  private String visitorName;

  private LocalDate visitorBirthDate;

  @Pattern(regexp = PhoneNumbers.PATTERN, message = "{violation.visitor.phoneInvalid}")
  private String visitorPhone;

  @Size(max = TextRules.SHOWN, message = "{violation.shown.tooLong}")
  @SingleLine
  private String shown;

  @Size(max = TextRules.DESCRIPTION, message = "{violation.description.tooLong}")
  @PlainText
  private String description;

  public ViolationKind getKind() {
    return kind;
  }

  public void setKind(ViolationKind kind) {
    this.kind = kind;
  }

  public ViolationCause getCause() {
    return cause;
  }

  public void setCause(ViolationCause cause) {
    this.cause = cause;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public void setOccurredAt(Instant occurredAt) {
    this.occurredAt = occurredAt;
  }

  public String getVisitorName() {
    return visitorName;
  }

  public void setVisitorName(String visitorName) {
    this.visitorName = visitorName;
  }

  public LocalDate getVisitorBirthDate() {
    return visitorBirthDate;
  }

  public void setVisitorBirthDate(LocalDate visitorBirthDate) {
    this.visitorBirthDate = visitorBirthDate;
  }

  public String getVisitorPhone() {
    return visitorPhone;
  }

  public void setVisitorPhone(String visitorPhone) {
    this.visitorPhone = visitorPhone;
  }

  public String getShown() {
    return shown;
  }

  public void setShown(String shown) {
    this.shown = shown;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
