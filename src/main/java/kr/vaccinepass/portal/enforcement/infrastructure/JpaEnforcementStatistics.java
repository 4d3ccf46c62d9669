package kr.vaccinepass.portal.enforcement.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import kr.vaccinepass.portal.enforcement.domain.EnforcementStatistics;
import kr.vaccinepass.portal.enforcement.domain.RegionTotal;
import kr.vaccinepass.portal.shared.domain.LocalizedName;
import kr.vaccinepass.portal.shared.domain.Money;

@ApplicationScoped
class JpaEnforcementStatistics implements EnforcementStatistics {
  @PersistenceContext EntityManager em;

  @Override
  public List<RegionTotal> bySigungu() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select d.code, d.name_ko, d.name_en, g.code, g.name_ko, g.name_en,"
                    + " count(*) filter (where v.kind = 'VISITOR'),"
                    + " count(*) filter (where v.kind = 'OPERATOR'),"
                    + " count(*) filter (where v.warning_only),"
                    + " coalesce(sum(f.amount_won), 0),"
                    + " coalesce(sum(f.amount_won) filter (where f.state in"
                    + "   ('DRAFT', 'PRIOR_NOTICE_SENT', 'IMPOSED', 'OBJECTED')), 0),"
                    + " coalesce(sum(f.paid_won) filter (where f.state in"
                    + "   ('PAID', 'VOLUNTARILY_PAID')), 0),"
                    + " coalesce(sum(f.amount_won) filter (where f.state in"
                    + "   ('WAIVED', 'CANCELLED')), 0)"
                    + " from violation v"
                    + " join sigungu g on g.code = v.sigungu_code"
                    + " join sido d on d.code = g.sido_code"
                    + " left join fine_case f on f.id = v.fine_case_id"
                    + " group by d.code, d.name_ko, d.name_en, g.code, g.name_ko, g.name_en"
                    + " order by d.code, g.code")
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new RegionTotal(
                    (String) r[0],
                    new LocalizedName((String) r[1], (String) r[2]),
                    (String) r[3],
                    new LocalizedName((String) r[4], (String) r[5]),
                    ((Number) r[6]).longValue(),
                    ((Number) r[7]).longValue(),
                    ((Number) r[8]).longValue(),
                    Money.won(((Number) r[9]).longValue()),
                    Money.won(((Number) r[10]).longValue()),
                    Money.won(((Number) r[11]).longValue()),
                    Money.won(((Number) r[12]).longValue())))
        .toList();
  }
}
