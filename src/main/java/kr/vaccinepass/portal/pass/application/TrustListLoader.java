package kr.vaccinepass.portal.pass.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.TrustListRepository;

/** Reads every key for {@link TrustList}, in a transaction of its own (also after a commit). */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class TrustListLoader {
  @Inject TrustListRepository repository;

  List<IssuerKey> keys() {
    return repository.keys();
  }
}
