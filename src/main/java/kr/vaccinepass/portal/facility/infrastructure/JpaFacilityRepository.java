package kr.vaccinepass.portal.facility.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityFilter;
import kr.vaccinepass.portal.facility.domain.FacilityRepository;
import kr.vaccinepass.portal.facility.domain.FacilityScope;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.PageRequest;

@ApplicationScoped
class JpaFacilityRepository implements FacilityRepository {
  /** The list columns one may sort by, and what they sort on. */
  private static final Map<String, String> SORTS =
      Map.of(
          "name", "f.name",
          "type", "t.sortOrder",
          "sigungu", "g.name.ko",
          "sido", "g.code",
          "businessNumber", "f.businessNumber",
          "safeCallNumber", "f.safeCallNumber",
          "status", "f.status",
          "createdAt", "f.createdAt");

  @PersistenceContext EntityManager em;

  @Override
  public Optional<Facility> findById(long id) {
    return em.createQuery(
            "select f from Facility f join fetch f.type join fetch f.sigungu g join fetch g.sido"
                + " where f.id = :id",
            Facility.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  @Override
  public boolean existsByBusinessNumber(String digits, Long exceptFacilityId) {
    return em.createQuery(
                "select count(f) from Facility f where f.businessNumber = :n"
                    + " and (:except is null or f.id <> :except)",
                Long.class)
            .setParameter("n", digits)
            .setParameter("except", exceptFacilityId)
            .getSingleResult()
        > 0;
  }

  @Override
  public Facility add(Facility facility) {
    try {
      em.persist(facility);
      em.flush();
    } catch (PersistenceException e) {
      // two owners registering the same number at the same moment: the unique key decides
      if (String.valueOf(rootMessage(e)).contains("facility_business_number_key")) {
        throw BusinessException.onField("businessNumber", "facility.businessNumber.taken");
      }
      throw e;
    }
    return facility;
  }

  @Override
  public Optional<Facility> findBySafeCallNumber(String safeCallNumber) {
    return em.createQuery(
            "select f from Facility f where f.safeCallNumber = :number", Facility.class)
        .setParameter("number", safeCallNumber)
        .getResultStream()
        .findFirst();
  }

  @Override
  public String nextSafeCallNumber() {
    long n =
        ((Number) em.createNativeQuery("select nextval('safe_call_number_seq')").getSingleResult())
            .longValue();
    String digits = String.format(Locale.ROOT, "%07d", n);
    return "080-" + digits.substring(0, 3) + "-" + digits.substring(3);
  }

  @Override
  public List<Facility> list(FacilityScope scope, FacilityFilter filter, PageRequest page) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(scope, filter, params);
    String order =
        SORTS.getOrDefault(page.sortField() == null ? "" : page.sortField(), "f.createdAt")
            + (page.ascending() ? " asc" : " desc");
    TypedQuery<Facility> query =
        em.createQuery(
            "select f from Facility f join fetch f.type t join fetch f.sigungu g join fetch g.sido"
                + where
                + " order by "
                + order
                + ", f.id",
            Facility.class);
    params.forEach(query::setParameter);
    return query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
  }

  @Override
  public long count(FacilityScope scope, FacilityFilter filter) {
    Map<String, Object> params = new LinkedHashMap<>();
    TypedQuery<Long> count =
        em.createQuery(
            "select count(f) from Facility f join f.type t join f.sigungu g"
                + where(scope, filter, params),
            Long.class);
    params.forEach(count::setParameter);
    return count.getSingleResult();
  }

  /** The where clause of the scope and the filter, with its parameters put into params. */
  private static String where(
      FacilityScope scope, FacilityFilter filter, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (scope.ownerId() != null) {
      where.append(" and f.ownerId = :owner");
      params.put("owner", scope.ownerId());
    }
    if (scope.sigunguCode() != null) {
      where.append(" and g.code = :scopeSigungu");
      params.put("scopeSigungu", scope.sigunguCode());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      String text = filter.text().strip().toLowerCase(Locale.ROOT);
      where.append(
          " and (lower(f.name) like :text or f.businessNumber like :digits"
              + " or f.safeCallNumber like :text or lower(f.roadAddress) like :text)");
      params.put("text", "%" + escape(text) + "%");
      params.put("digits", "%" + escape(text.replace("-", "")) + "%");
    }
    if (filter.typeCode() != null && !filter.typeCode().isBlank()) {
      where.append(" and t.code = :type");
      params.put("type", filter.typeCode());
    }
    if (filter.sidoCode() != null && !filter.sidoCode().isBlank()) {
      where.append(" and g.sido.code = :sido");
      params.put("sido", filter.sidoCode());
    }
    if (filter.sigunguCode() != null && !filter.sigunguCode().isBlank()) {
      where.append(" and g.code = :sigungu");
      params.put("sigungu", filter.sigunguCode());
    }
    if (filter.status() != null) {
      where.append(" and f.status = :status");
      params.put("status", filter.status());
    }
    return where.toString();
  }

  @Override
  public List<FacilityType> allTypes() {
    return em.createQuery("select t from FacilityType t order by t.sortOrder", FacilityType.class)
        .getResultList();
  }

  @Override
  public Optional<FacilityType> findType(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(em.find(FacilityType.class, code));
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
