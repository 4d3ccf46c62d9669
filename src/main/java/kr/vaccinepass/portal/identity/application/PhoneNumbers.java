package kr.vaccinepass.portal.identity.application;

/** Korean phone numbers as people type them: 010-1234-5678, 01012345678, 02-123-4567. */
public final class PhoneNumbers {
  public static final String PATTERN = "^0\\d{1,2}[- ]?\\d{3,4}[- ]?\\d{4}$";

  private PhoneNumbers() {}

  /** Digits with hyphens in the usual places: 010-1234-5678, 02-123-4567. */
  public static String normalize(String phone) {
    String digits = phone.replaceAll("\\D", "");
    int area = digits.startsWith("02") ? 2 : 3;
    int last = digits.length() - 4;
    return digits.substring(0, area)
        + "-"
        + digits.substring(area, last)
        + "-"
        + digits.substring(last);
  }
}
