package kr.vaccinepass.portal.identity;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.domain.Account;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sign-up, staff accounts and credential checks, in WildFly on PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {
  private static final Actor ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(AccountServiceIT.class);
  }

  @Inject AccountService accounts;

  @Test
  void anOwnerSignsUpAndThePasswordIsKeptAsASaltedPbkdf2Hash() {
    var form = TestData.owner();
    form.setEmail(form.getEmail().toUpperCase());
    accounts.signUpOwner(form);

    Account account = accounts.findByEmail(form.getEmail()).orElseThrow();
    assertEquals(form.getEmail().toLowerCase(), account.getEmail());
    assertEquals(Role.OWNER, account.getRole());
    assertTrue(
        account.getPasswordHash().startsWith("PBKDF2WithHmacSHA512:210000:"),
        account.getPasswordHash());
    assertFalse(account.getPasswordHash().contains(TestData.PASSWORD));
    assertTrue(accounts.verify(form.getEmail(), TestData.PASSWORD).isPresent());
    assertTrue(accounts.verify(form.getEmail(), TestData.PASSWORD + "x").isEmpty());
    assertTrue(accounts.verify("nobody@test.vaccinepass.kr", TestData.PASSWORD).isEmpty());
  }

  @Test
  void aTakenEmailAWeakPasswordAndAMismatchAreRefusedOnTheirFields() {
    var first = TestData.owner();
    accounts.signUpOwner(first);
    var again = TestData.owner();
    again.setEmail(first.getEmail());
    assertRefused("account.email.taken", "email", () -> accounts.signUpOwner(again));

    var weak = TestData.owner();
    weak.setPassword("short1");
    weak.setPasswordConfirmation("short1");
    assertRefused("password.tooShort", "password", () -> accounts.signUpOwner(weak));

    var mismatch = TestData.owner();
    mismatch.setPasswordConfirmation(TestData.PASSWORD + "!");
    assertRefused(
        "password.mismatch", "passwordConfirmation", () -> accounts.signUpOwner(mismatch));

    var badPhone = TestData.owner();
    badPhone.setPhone("12345");
    assertThrows(ConstraintViolationException.class, () -> accounts.signUpOwner(badPhone));
  }

  @Test
  void everyRefusalOfOneFormComesInTheSameRound() {
    var first = TestData.owner();
    accounts.signUpOwner(first);
    var all = TestData.owner();
    all.setEmail(first.getEmail());
    all.setPassword("short1");
    all.setPasswordConfirmation("short2");
    BusinessException e = assertThrows(BusinessException.class, () -> accounts.signUpOwner(all));
    assertEquals(
        List.of(
            "password:password.tooShort",
            "passwordConfirmation:password.mismatch",
            "email:account.email.taken"),
        e.all().stream().map(r -> r.field().orElse("") + ":" + r.messageKey()).toList());

    var staff = TestData.inspector(null);
    staff.setEmail(first.getEmail());
    BusinessException s =
        assertThrows(BusinessException.class, () -> as(ADMIN, () -> accounts.createStaff(staff)));
    assertEquals(
        List.of("email:account.email.taken", "jurisdiction:account.jurisdiction.required"),
        s.all().stream().map(r -> r.field().orElse("") + ":" + r.messageKey()).toList());
  }

  @Test
  void onlyAnAdministratorCreatesInspectorsAndAnInspectorHasAJurisdiction() {
    var form = TestData.inspector(TestData.JONGNO);
    Actor owner = new Actor(1, "o@test", Role.OWNER, null);
    assertThrows(AccessDeniedException.class, () -> as(owner, () -> accounts.createStaff(form)));
    assertThrows(AccessDeniedException.class, () -> accounts.createStaff(form));

    long id = as(ADMIN, () -> accounts.createStaff(form));
    Account inspector = accounts.findByEmail(form.getEmail()).orElseThrow();
    assertEquals(id, inspector.getId());
    assertEquals(TestData.JONGNO, inspector.toActor().jurisdictionCode());

    var noPlace = TestData.inspector(null);
    assertRefused(
        "account.jurisdiction.required",
        "jurisdiction",
        () -> as(ADMIN, () -> accounts.createStaff(noPlace)));
    var unknownPlace = TestData.inspector("0000000000");
    assertRefused(
        "account.jurisdiction.required",
        "jurisdiction",
        () -> as(ADMIN, () -> accounts.createStaff(unknownPlace)));
  }

  private static void assertRefused(String key, String field, Runnable call) {
    BusinessException e = assertThrows(BusinessException.class, call::run);
    assertEquals(key, e.messageKey());
    assertEquals(field, e.field().orElseThrow());
  }
}
