package kr.vaccinepass.portal.identity.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.identity.domain.Account;
import kr.vaccinepass.portal.identity.domain.AccountRepository;
import kr.vaccinepass.portal.identity.domain.PasswordPolicy;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.domain.PhoneNumbers;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.region.Sido;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.security.Role;

/** Creating accounts and checking credentials. */
@ApplicationScoped
@Transactional
public class AccountService {
  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

  @Inject AccountRepository accounts;
  @Inject PasswordHashing hashing;
  @Inject Regions regions;
  @Inject Clock clock;
  @Inject AuditTrail audit;

  private volatile String dummyHash;

  /** An owner signs up: public on purpose. Returns the new account's id. */
  public long signUpOwner(@NotNull @Valid SignUpForm form) {
    String email = Account.normalizeEmail(form.getEmail());
    List<BusinessException> refused = new ArrayList<>();
    checkPassword(form.getPassword(), form.getPasswordConfirmation(), email, "password", refused);
    requireNewEmail(email, refused);
    BusinessException.together(refused).ifPresent(this::refuse);
    Account account =
        Account.owner(
            email,
            hashing.hash(form.getPassword()),
            form.getName(),
            PhoneNumbers.normalize(form.getPhone()),
            clock.instant());
    accounts.add(account);
    audit.recordBy(
        account.toActor(),
        AuditFact.change(AuditKind.ACCOUNT_CREATED, account.getId(), null)
            .withDetail(account.getRole().name()));
    LOG.info(() -> "Owner account " + account.getId() + " signed up");
    return account.getId();
  }

  /**
   * An administrator creates an inspector (with a 시군구), an investigator (with the 시도 or 시군구 of
   * their health authority: the 시군구 when one is chosen, else the 시도) or another administrator.
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public long createStaff(@NotNull @Valid StaffAccountForm form) {
    String email = Account.normalizeEmail(form.getEmail());
    List<BusinessException> refused = new ArrayList<>();
    checkPassword(
        form.getInitialPassword(), form.getInitialPassword(), email, "initialPassword", refused);
    requireNewEmail(email, refused);
    Sigungu jurisdiction = null;
    if (form.getRole() == Role.INSPECTOR) {
      jurisdiction = regions.sigungu(form.getJurisdictionCode()).orElse(null);
      if (jurisdiction == null) {
        refused.add(BusinessException.onField("jurisdiction", "account.jurisdiction.required"));
      }
    }
    String authority = null;
    if (form.getRole() == Role.INVESTIGATOR) {
      authority = healthAuthority(form);
      if (authority == null) {
        refused.add(BusinessException.onField("jurisdiction", "account.authority.required"));
      }
    }
    BusinessException.together(refused).ifPresent(this::refuse);
    Account account =
        form.getRole() == Role.INVESTIGATOR
            ? Account.investigator(
                email,
                hashing.hash(form.getInitialPassword()),
                form.getName(),
                PhoneNumbers.normalize(form.getPhone()),
                authority,
                clock.instant())
            : Account.staff(
                email,
                hashing.hash(form.getInitialPassword()),
                form.getName(),
                PhoneNumbers.normalize(form.getPhone()),
                form.getRole(),
                jurisdiction,
                clock.instant());
    accounts.add(account);
    audit.record(
        AuditFact.change(AuditKind.ACCOUNT_CREATED, account.getId(), null)
            .withDetail(account.getRole().name()));
    LOG.info(() -> account.getRole() + " account " + account.getId() + " created");
    return account.getId();
  }

  /** The chosen 시군구 if it is one, else the chosen 시도 if it is one, else null. */
  private String healthAuthority(StaffAccountForm form) {
    String sigungu = form.getJurisdictionCode();
    if (sigungu != null && !sigungu.isBlank()) {
      return regions.sigungu(sigungu).map(Sigungu::getCode).orElse(null);
    }
    return regions.sido(form.getSidoCode()).map(Sido::getCode).orElse(null);
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public List<Account> list(String text, PageRequest page) {
    return accounts.list(text, page);
  }

  @RolesAllowed(Role.ADMIN_NAME)
  public long count(String text) {
    return accounts.count(text);
  }

  /**
   * The enabled account with this e-mail and password. An unknown e-mail costs as much time as a
   * wrong password, so timing tells nothing of which accounts exist.
   */
  public Optional<Account> verify(String email, String password) {
    if (email == null || password == null || password.length() > PasswordPolicy.MAX_LENGTH) {
      return Optional.empty();
    }
    Optional<Account> account = accounts.findByEmail(Account.normalizeEmail(email));
    if (account.isEmpty()) {
      hashing.matches(password, dummyHash());
      return Optional.empty();
    }
    return account
        .filter(Account::isEnabled)
        .filter(a -> hashing.matches(password, a.getPasswordHash()));
  }

  /**
   * The display names of these accounts, for records that say who did what (enforcement's case
   * history); an unknown id is left out.
   */
  @RolesAllowed({Role.INSPECTOR_NAME, Role.ADMIN_NAME})
  public Map<Long, String> displayNames(Collection<Long> ids) {
    Map<Long, String> names = new HashMap<>();
    for (Long id : new HashSet<>(ids)) {
      accounts.findById(id).ifPresent(a -> names.put(id, a.getDisplayName()));
    }
    return names;
  }

  /** An account's name and phone, to print as the contact of a notice; empty for an unknown id. */
  @RolesAllowed({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
  public Optional<Contact> contact(long id) {
    return accounts.findById(id).map(a -> new Contact(a.getDisplayName(), a.getPhone()));
  }

  /** Whom to call about a record: a name and a phone number. */
  public record Contact(String name, String phone) {}

  public Optional<Account> findByEmail(String email) {
    return accounts.findByEmail(Account.normalizeEmail(email));
  }

  /**
   * Creates the first administrator from configuration when there is none yet (for a fresh
   * installation); does nothing otherwise.
   */
  public boolean bootstrapAdministrator(String email, String password, String name) {
    if (accounts.countByRole(Role.ADMIN) > 0
        || accounts.existsByEmail(Account.normalizeEmail(email))) {
      return false;
    }
    List<BusinessException> refused = new ArrayList<>();
    checkPassword(password, password, email, "password", refused);
    BusinessException.together(refused).ifPresent(this::refuse);
    Account admin =
        accounts.add(
            Account.staff(
                email,
                hashing.hash(password),
                name,
                "02-000-0000",
                Role.ADMIN,
                null,
                clock.instant()));
    audit.record(
        AuditFact.change(AuditKind.ACCOUNT_CREATED, admin.getId(), null)
            .withDetail(Role.ADMIN.name()));
    return true;
  }

  /** Every refusal of the form at once (a form reports all its errors in one round). */
  private void refuse(BusinessException refusals) {
    throw refusals;
  }

  private static void checkPassword(
      String password,
      String confirmation,
      String email,
      String field,
      List<BusinessException> refused) {
    PasswordPolicy.violation(password, email)
        .ifPresent(key -> refused.add(BusinessException.onField(field, key)));
    if (!password.equals(confirmation)) {
      refused.add(BusinessException.onField("passwordConfirmation", "password.mismatch"));
    }
  }

  private void requireNewEmail(String email, List<BusinessException> refused) {
    if (accounts.existsByEmail(email)) {
      refused.add(BusinessException.onField("email", "account.email.taken"));
    }
  }

  private String dummyHash() {
    if (dummyHash == null) {
      dummyHash = hashing.hash("not-a-password-" + System.nanoTime());
    }
    return dummyHash;
  }
}
