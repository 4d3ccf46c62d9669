package kr.vaccinepass.portal.testsupport;

import static kr.vaccinepass.portal.testsupport.TestActors.as;

import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.identity.application.StaffAccountForm;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;

/** Real staff accounts for in-container tests, made through the service as an administrator. */
public final class Staff {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  private Staff() {}

  public static Actor admin(AccountService accounts) {
    StaffAccountForm form = TestData.inspector(TestData.JONGNO);
    form.setRole(Role.ADMIN);
    form.setJurisdictionCode(null);
    return new Actor(create(accounts, form), form.getEmail(), Role.ADMIN, null);
  }

  public static Actor inspector(AccountService accounts, String sigungu) {
    StaffAccountForm form = TestData.inspector(sigungu);
    return new Actor(create(accounts, form), form.getEmail(), Role.INSPECTOR, sigungu);
  }

  /** An investigator of the 시군구, or of the whole 시도 when {@code sigungu} is null. */
  public static Actor investigator(AccountService accounts, String sido, String sigungu) {
    StaffAccountForm form = TestData.inspector(TestData.JONGNO);
    form.setRole(Role.INVESTIGATOR);
    form.setSidoCode(sido);
    form.setJurisdictionCode(sigungu);
    return new Actor(
        create(accounts, form),
        form.getEmail(),
        Role.INVESTIGATOR,
        sigungu == null ? sido : sigungu);
  }

  private static long create(AccountService accounts, StaffAccountForm form) {
    return as(SOME_ADMIN, () -> accounts.createStaff(form));
  }
}
