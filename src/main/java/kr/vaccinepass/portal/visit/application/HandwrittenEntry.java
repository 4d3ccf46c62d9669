package kr.vaccinepass.portal.visit.application;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kr.vaccinepass.portal.shared.domain.PhoneNumbers;
import kr.vaccinepass.portal.visit.domain.SafetyNumber;

/** A handwritten log line: a name and a phone number, or a personal safety number instead. */
public class HandwrittenEntry {
  @Size(max = 40, message = "{visit.name.tooLong}")
  private String name;

  @Pattern(regexp = PhoneNumbers.PATTERN, message = "{visit.phone.invalid}")
  private String phone;

  @Pattern(regexp = SafetyNumber.PATTERN, message = "{visit.safetyNumber.invalid}")
  private String safetyNumber;

  /** Either a safety number, or both a name and a phone. */
  @AssertTrue(message = "{visit.handwritten.incomplete}")
  public boolean isComplete() {
    return notBlank(safetyNumber) || (notBlank(name) && notBlank(phone));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

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
