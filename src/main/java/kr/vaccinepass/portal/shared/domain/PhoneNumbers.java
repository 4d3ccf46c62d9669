package kr.vaccinepass.portal.shared.domain;

/** Korean phone numbers as people type them: 010-1234-5678, 01012345678, 02-123-4567. */
public final class PhoneNumbers {
  public static final String PATTERN = "^0\\d{1,2}[- ]?\\d{3,4}[- ]?\\d{4}$";

  private PhoneNumbers() {}

  public static boolean isValid(String phone) {
    return phone != null && phone.trim().matches(PATTERN);
  }

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

  /** The last four digits, which is all a masked number shows. */
  public static String lastFour(String phone) {
    String digits = phone.replaceAll("\\D", "");
    return digits.substring(digits.length() - 4);
  }

  /** 010-****-1234: enough for an owner to recognise a visitor, not to call them. */
  public static String masked(String normalized) {
    int first = normalized.indexOf('-');
    int last = normalized.lastIndexOf('-');
    if (first < 0 || last <= first) {
      return "****";
    }
    return normalized.substring(0, first) + "-****" + normalized.substring(last);
  }
}
