package kr.vaccinepass.portal.identity.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * What a password must be: 10 to 128 characters, with a letter and a digit, not the e-mail address
 * or a part of it, not one character repeated. Length over composition, following NIST SP 800-63B;
 * the composition rule is the minimum Korean portals are expected to keep (KISA password guideline:
 * two character kinds at 10 or more characters).
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  /** The message key of the first rule the password breaks, or empty when it is acceptable. */
  public static Optional<String> violation(String password, String email) {
    if (password == null || password.isEmpty()) {
      return Optional.of("password.required");
    }
    if (password.length() < MIN_LENGTH) {
      return Optional.of("password.tooShort");
    }
    if (password.length() > MAX_LENGTH) {
      return Optional.of("password.tooLong");
    }
    if (password.chars().noneMatch(Character::isLetter)
        || password.chars().noneMatch(Character::isDigit)) {
      return Optional.of("password.needsLetterAndDigit");
    }
    if (password.chars().distinct().count() < 4) {
      return Optional.of("password.tooSimple");
    }
    if (email != null && !email.isBlank()) {
      String local = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
      if (local.length() >= 4 && password.toLowerCase(Locale.ROOT).contains(local)) {
        return Optional.of("password.containsEmail");
      }
    }
    return Optional.empty();
  }
}
