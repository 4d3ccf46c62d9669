package kr.vaccinepass.portal.pass.domain;

import java.util.List;
import java.util.Optional;

/** Where the issuers and their keys are kept. */
public interface TrustListRepository {
  List<PassIssuer> issuers();

  Optional<PassIssuer> issuer(String code);

  List<IssuerKey> keys();

  List<IssuerKey> keysOf(String issuerCode);

  Optional<IssuerKey> key(String kid);

  void add(IssuerKey key);
}
