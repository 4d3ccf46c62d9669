package kr.vaccinepass.portal.visit.application;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import kr.vaccinepass.portal.shared.domain.PhoneNumbers;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;
import kr.vaccinepass.portal.visit.domain.SafetyNumber;

/**
 * A handwritten log line: a name and a phone number, or a personal safety number instead. The
 * formats are checked here; which of them is missing, by {@code Visit.handwritten}, on its field.
 */
public class HandwrittenEntry implements Serializable {
  private static final long serialVersionUID = 1L;

  @Size(max = TextRules.VISITOR_NAME, message = "{visit.name.tooLong}")
  @SingleLine
  private String name;

  @Pattern(regexp = PhoneNumbers.PATTERN, message = "{visit.phone.invalid}")
  private String phone;

  @Pattern(regexp = SafetyNumber.PATTERN, message = "{visit.safetyNumber.invalid}")
  private String safetyNumber;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getSafetyNumber() {
    return safetyNumber;
  }

  public void setSafetyNumber(String safetyNumber) {
    this.safetyNumber = safetyNumber;
  }
}
