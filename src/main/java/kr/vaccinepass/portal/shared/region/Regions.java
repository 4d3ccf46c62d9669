package kr.vaccinepass.portal.shared.region;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Read access to the region reference data (small, cached by the second-level cache). */
@ApplicationScoped
public class Regions {
  @PersistenceContext EntityManager em;

  public List<Sido> allSido() {
    return em.createQuery("select s from Sido s order by s.sortOrder", Sido.class).getResultList();
  }

  public List<Sigungu> sigunguOf(String sidoCode) {
    return em.createQuery(
            "select g from Sigungu g where g.sido.code = :sido order by g.name.ko", Sigungu.class)
        .setParameter("sido", sidoCode)
        .getResultList();
  }

  public Optional<Sido> sido(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(em.find(Sido.class, code));
  }

  /** The full name of a 시도 or of a 시군구 ("서울특별시" or "서울특별시 종로구"), if the code is one. */
  public Optional<String> name(String code, java.util.Locale locale) {
    return sigungu(code).map(g -> g.fullName(locale)).or(() -> sido(code).map(s -> s.name(locale)));
  }

  public Optional<Sigungu> sigungu(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(em.find(Sigungu.class, code));
  }
}
