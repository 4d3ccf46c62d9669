package kr.vaccinepass.portal.grace.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kr.vaccinepass.portal.grace.domain.GraceDeclaration;
import kr.vaccinepass.portal.grace.domain.GraceRepository;
import kr.vaccinepass.portal.grace.domain.GraceStatus;

/** Grace declarations in JPA. */
@ApplicationScoped
class JpaGraceRepository implements GraceRepository {
  static final List<String> ACTIVE =
      List.of(GraceStatus.APPLYING.name(), GraceStatus.APPLIED.name());

  @PersistenceContext EntityManager em;

  @Override
  public GraceDeclaration add(GraceDeclaration declaration) {
    em.persist(declaration);
    em.flush();
    return declaration;
  }

  @Override
  public Optional<GraceDeclaration> find(long id) {
    return Optional.ofNullable(em.find(GraceDeclaration.class, id));
  }

  @Override
  public Optional<GraceDeclaration> lock(long id) {
    // the row first, then the entity as it is once the lock is held (a PESSIMISTIC_WRITE find
    // may lock after loading, and then refuses a version changed by the run it waited for)
    List<?> locked =
        em.createNativeQuery("select id from grace_declaration where id = :id for update")
            .setParameter("id", id)
            .getResultList();
    if (locked.isEmpty()) {
      return Optional.empty();
    }
    GraceDeclaration declaration = em.find(GraceDeclaration.class, id);
    em.refresh(declaration);
    return Optional.of(declaration);
  }

  @Override
  public List<GraceDeclaration> all() {
    return em.createQuery(
            "select d from GraceDeclaration d order by d.declaredAt desc, d.id desc",
            GraceDeclaration.class)
        .getResultList();
  }

  @Override
  public List<Long> unsettled() {
    return em.createQuery(
            "select d.id from GraceDeclaration d where d.status in :unsettled order by d.id",
            Long.class)
        .setParameter("unsettled", List.of(GraceStatus.APPLYING, GraceStatus.REVOKING))
        .getResultList();
  }

  @Override
  public List<GraceDeclaration> activeAt(Instant at) {
    return em.createQuery(
            "select d from GraceDeclaration d where d.status in :active"
                + " and d.startsAt <= :at and d.endsAt > :at order by d.id",
            GraceDeclaration.class)
        .setParameter("active", List.of(GraceStatus.APPLYING, GraceStatus.APPLIED))
        .setParameter("at", at)
        .getResultList();
  }

  @Override
  public Set<String> unknownSido(Set<String> codes) {
    return unknown("sido", "code", codes);
  }

  @Override
  public Set<String> unknownSigungu(Set<String> codes) {
    return unknown("sigungu", "code", codes);
  }

  @Override
  public Set<String> unknownTypes(Set<String> codes) {
    return unknown("facility_type", "code", codes);
  }

  private Set<String> unknown(String table, String column, Set<String> codes) {
    if (codes.isEmpty()) {
      return Set.of();
    }
    @SuppressWarnings("unchecked")
    List<String> known =
        em.createNativeQuery(
                "select " + column + " from " + table + " where " + column + " in (:codes)")
            .setParameter("codes", codes)
            .getResultList();
    Set<String> unknown = new TreeSet<>(codes);
    unknown.removeAll(known);
    return unknown;
  }
}
