package kr.vaccinepass.portal.pass.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import kr.vaccinepass.portal.pass.domain.PortalKey;
import kr.vaccinepass.portal.pass.domain.PortalKeyRepository;
import kr.vaccinepass.portal.pass.domain.PortalKeyRepository.Stored;
import kr.vaccinepass.portal.shared.infrastructure.PersonalDataCipher;

/**
 * Loads the portal's stored signing key, or makes it once for the whole cluster: the first node
 * stores a new key, every other node (or a later start) reads that one. Its private half is
 * encrypted like personal data ({@code portal.data.keys}); when it was encrypted under a data key
 * that no longer encrypts, it is encrypted again under the current one, so that retiring an old
 * data key (docs/operations.md) never loses the signing key.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class PortalKeyStore {
  @Inject PortalKeyRepository repository;
  @Inject Clock clock;

  PortalKey loadOrCreate() {
    PersonalDataCipher cipher = PersonalDataCipher.configured();
    if (repository.find().isEmpty()) {
      PortalKey fresh = PortalKey.generate();
      repository.addIfAbsent(
          new Stored(fresh.kid(), fresh.spki(), cipher.encrypt(fresh.pkcs8())), clock.instant());
    }
    Stored stored = repository.find().orElseThrow();
    String pkcs8 = cipher.decrypt(stored.encryptedPrivateKey());
    String again = cipher.encrypt(pkcs8);
    if (!keyId(again).equals(keyId(stored.encryptedPrivateKey()))) {
      repository.reencrypt(stored.kid(), again);
    }
    return PortalKey.fromEncoded(stored.publicKey(), pkcs8);
  }

  /** The data key's id a ciphertext names ({@code id.base64url...}). */
  private static String keyId(String ciphertext) {
    int dot = ciphertext.indexOf('.');
    return dot < 0 ? "" : ciphertext.substring(0, dot);
  }
}
