package kr.vaccinepass.portal.pass.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.pass.domain.IssuerKey;
import kr.vaccinepass.portal.pass.domain.PassIssuer;
import kr.vaccinepass.portal.pass.domain.TrustListRepository;

@ApplicationScoped
class JpaTrustListRepository implements TrustListRepository {
  @PersistenceContext EntityManager em;

  @Override
  public List<PassIssuer> issuers() {
    return em.createQuery("select i from PassIssuer i order by i.sortOrder", PassIssuer.class)
        .getResultList();
  }

  @Override
  public Optional<PassIssuer> issuer(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(em.find(PassIssuer.class, code));
  }

  @Override
  public List<IssuerKey> keys() {
    return em.createQuery(
            "select k from IssuerKey k order by k.issuerCode, k.validFrom desc", IssuerKey.class)
        .getResultList();
  }

  @Override
  public List<IssuerKey> keysOf(String issuerCode) {
    return em.createQuery(
            "select k from IssuerKey k where k.issuerCode = :issuer order by k.validFrom desc",
            IssuerKey.class)
        .setParameter("issuer", issuerCode)
        .getResultList();
  }

  @Override
  public Optional<IssuerKey> key(String kid) {
    return kid == null ? Optional.empty() : Optional.ofNullable(em.find(IssuerKey.class, kid));
  }

  @Override
  public void add(IssuerKey key) {
    em.persist(key);
  }
}
