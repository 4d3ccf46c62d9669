package kr.vaccinepass.portal.pass.domain;

import java.time.Instant;
import java.util.Optional;

/** Where the portal's signing key is kept when configuration does not give it: one row. */
public interface PortalKeyRepository {
  /** The stored key: its id, base64 SPKI and encrypted private half. */
  record Stored(String kid, String publicKey, String encryptedPrivateKey) {}

  Optional<Stored> find();

  /** Stores a key unless one is stored already (another node was first): nothing happens then. */
  void addIfAbsent(Stored key, Instant now);

  /** The private half encrypted again (under the data key that encrypts now). */
  void reencrypt(String kid, String encryptedPrivateKey);
}
