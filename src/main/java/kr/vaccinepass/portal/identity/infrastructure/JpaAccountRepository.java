package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import kr.vaccinepass.portal.identity.domain.Account;
import kr.vaccinepass.portal.identity.domain.AccountRepository;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.security.Role;

@ApplicationScoped
class JpaAccountRepository implements AccountRepository {
  @PersistenceContext EntityManager em;

  @Override
  public Optional<Account> findByEmail(String normalizedEmail) {
    return em.createQuery("select a from Account a where a.email = :email", Account.class)
        .setParameter("email", normalizedEmail)
        .getResultStream()
        .findFirst();
  }

  @Override
  public Optional<Account> findById(long id) {
    return Optional.ofNullable(em.find(Account.class, id));
  }

  @Override
  public boolean existsByEmail(String normalizedEmail) {
    return em.createQuery("select count(a) from Account a where a.email = :email", Long.class)
            .setParameter("email", normalizedEmail)
            .getSingleResult()
        > 0;
  }

  @Override
  public Account add(Account account) {
    em.persist(account);
    em.flush();
    return account;
  }

  private static final String WHERE =
      " where (:text is null or lower(a.email) like :text or lower(a.displayName) like :text)";

  @Override
  public List<Account> list(String text, PageRequest page) {
    String order =
        switch (page.sortField() == null ? "" : page.sortField()) {
          case "email" -> "a.email";
          case "role" -> "a.role";
          case "displayName" -> "a.displayName";
          default -> "a.createdAt";
        };
    return em.createQuery(
            "select a from Account a left join fetch a.jurisdiction"
                + WHERE
                + " order by "
                + order
                + (page.ascending() ? " asc" : " desc")
                + ", a.id",
            Account.class)
        .setParameter("text", pattern(text))
        .setFirstResult(page.offset())
        .setMaxResults(page.size())
        .getResultList();
  }

  @Override
  public long count(String text) {
    return em.createQuery("select count(a) from Account a" + WHERE, Long.class)
        .setParameter("text", pattern(text))
        .getSingleResult();
  }

  private static String pattern(String text) {
    return text == null || text.isBlank()
        ? null
        : "%" + text.strip().toLowerCase(java.util.Locale.ROOT) + "%";
  }

  @Override
  public long countByRole(Role role) {
    return em.createQuery("select count(a) from Account a where a.role = :role", Long.class)
        .setParameter("role", role)
        .getSingleResult();
  }
}
