package kr.vaccinepass.portal.pass.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import kr.vaccinepass.portal.pass.domain.PassIssuer;
import kr.vaccinepass.portal.pass.domain.TrustListRepository;

/** The list of issuers, public reference data (the demo wallet offers them). */
@ApplicationScoped
@Transactional
public class TrustListReader {
  @Inject TrustListRepository repository;

  public List<PassIssuer> issuers() {
    return repository.issuers();
  }
}
