package kr.vaccinepass.portal.pass.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kr.vaccinepass.portal.pass.domain.PortalKey;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;

/**
 * The portal's signing key for door snapshots, the same on every node: {@code
 * portal.door.signingKey} (a private EC P-256 JWK) when configured, else the one stored in
 * PostgreSQL (made by the first node that needed it). Loaded once per node.
 */
@ApplicationScoped
public class PortalKeys {
  @Inject PortalKeyStore store;

  private volatile PortalKey key;

  public PortalKey current() {
    PortalKey k = key;
    if (k == null) {
      synchronized (this) {
        if (key == null) {
          key =
              PortalConfig.get("portal.door.signingKey")
                  .map(PortalKey::fromPrivateJwk)
                  .orElseGet(store::loadOrCreate);
        }
        k = key;
      }
    }
    return k;
  }
}
