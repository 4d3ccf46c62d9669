package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;

/**
 * Says at start-up, not at the first 안심콜, whether personal data can be stored: a missing or
 * malformed {@code portal.data.keys} is logged as an error naming the setting. QR check-ins keep no
 * personal data and work either way.
 */
@ApplicationScoped
class PersonalDataKeysCheck {
  private static final Logger LOG = Logger.getLogger(PersonalDataKeysCheck.class.getName());

  void check(@Observes SchemaReady ready) {
    try {
      PersonalDataCipher.configured();
      LOG.info("Personal data is encrypted at rest (portal.data.keys)");
    } catch (IllegalStateException e) {
      LOG.severe(
          e.getMessage()
              + ". 안심콜 and handwritten visits will be refused until it is set (docs/operations.md).");
    }
  }
}
