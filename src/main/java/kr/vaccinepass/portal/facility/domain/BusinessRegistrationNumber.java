package kr.vaccinepass.portal.facility.domain;

import java.util.Objects;

/**
 * A Korean business registration number (사업자등록번호): 10 digits, the last a check digit. Check digit
 * (National Tax Service scheme): multiply the first nine digits by 1,3,7,1,3,7,1,3,5, add the tens
 * of (9th digit × 5), and the check digit is (10 − sum mod 10) mod 10.
 */
public final class BusinessRegistrationNumber {
  private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

  private final String digits;

  private BusinessRegistrationNumber(String digits) {
    this.digits = digits;
  }

  /** Accepts "123-45-67890", "1234567890" or with spaces; refuses anything with a wrong check. */
  public static BusinessRegistrationNumber parse(String text) {
    String digits = digitsOf(text);
    if (!isValidDigits(digits)) {
      throw new IllegalArgumentException("not a valid business registration number");
    }
    return new BusinessRegistrationNumber(digits);
  }

  public static boolean isValid(String text) {
    return isValidDigits(digitsOf(text));
  }

  private static String digitsOf(String text) {
    return text == null ? "" : text.replaceAll("[\\s-]", "");
  }

  private static boolean isValidDigits(String digits) {
    if (digits.length() != 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (digits.charAt(i) - '0') * WEIGHTS[i];
    }
    sum += (digits.charAt(8) - '0') * 5 / 10;
    int check = (10 - sum % 10) % 10;
    return check == digits.charAt(9) - '0';
  }

  public String digits() {
    return digits;
  }

  /** 123-45-67890 */
  public String formatted() {
    return digits.substring(0, 3) + "-" + digits.substring(3, 5) + "-" + digits.substring(5);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BusinessRegistrationNumber other && other.digits.equals(digits);
  }

  @Override
  public int hashCode() {
    return Objects.hash(digits);
  }

  @Override
  public String toString() {
    return formatted();
  }
}
