package kr.vaccinepass.portal.shared.domain;

import java.util.ServiceLoader;
import java.util.UUID;

/**
 * Personal data at rest, sealed to its place: an entity seals each personal field when it is first
 * stored and opens it when read, naming the field ("visit.visitor_phone") and its row's key (a
 * random UUID the row keeps). The AES-GCM associated data covers both, so a value copied to another
 * row or column does not open there. The cipher is the infrastructure's ({@code
 * shared.infrastructure.PersonalDataSeal}, found through {@link ServiceLoader}); the domain names
 * none.
 */
public final class FieldSeals {
  /** Seals and opens one field's value at one row. */
  public interface Seal {
    String seal(String field, UUID row, String plaintext);

    /** The plaintext, or null when the value does not open at this field and row. */
    String open(String field, UUID row, String sealed);
  }

  private static volatile Seal installed;

  private FieldSeals() {}

  public static String seal(String field, UUID row, String plaintext) {
    return plaintext == null ? null : seal().seal(field, row, plaintext);
  }

  public static String open(String field, UUID row, String sealed) {
    return sealed == null ? null : seal().open(field, row, sealed);
  }

  private static Seal seal() {
    Seal seal = installed;
    if (seal == null) {
      synchronized (FieldSeals.class) {
        if (installed == null) {
          installed =
              ServiceLoader.load(Seal.class, FieldSeals.class.getClassLoader())
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException("no personal-data seal installed"));
        }
        seal = installed;
      }
    }
    return seal;
  }
}
