package kr.vaccinepass.portal.shared.infrastructure;

import java.util.UUID;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.domain.FieldSeals;

/**
 * The domain's {@link FieldSeals.Seal}: the portal's personal-data cipher, with the field and the
 * row in the associated data (registered in META-INF/services). A value that does not open at its
 * place is logged, never shown: it was moved from another row or altered.
 */
public final class PersonalDataSeal implements FieldSeals.Seal {
  private static final Logger LOG = Logger.getLogger(PersonalDataSeal.class.getName());

  @Override
  public String seal(String field, UUID row, String plaintext) {
    return PersonalDataCipher.configured().seal(field, row, plaintext);
  }

  @Override
  public String open(String field, UUID row, String sealed) {
    try {
      return PersonalDataCipher.configured().open(field, row, sealed);
    } catch (IllegalStateException e) {
      LOG.severe(
          () ->
              "A personal-data value of "
                  + field
                  + " does not open at its row: moved from another row, or altered");
      return null;
    }
  }
}
