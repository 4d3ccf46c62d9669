package kr.vaccinepass.portal.demo;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import kr.vaccinepass.portal.facility.domain.BusinessRegistrationNumber;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityDetails;
import kr.vaccinepass.portal.facility.domain.FacilityRepository;
import kr.vaccinepass.portal.identity.application.PasswordHashing;
import kr.vaccinepass.portal.identity.domain.Account;
import kr.vaccinepass.portal.identity.domain.AccountRepository;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * Seeds the demo accounts and facilities when portal.demo=true; idempotent. When the portal starts
 * with demo mode off, the demo accounts (their passwords are printed in the README) are disabled,
 * so a database that once served a demo cannot be signed into with them; demo mode enables them
 * again.
 */
@ApplicationScoped
public class DemoData {
  public static final String OWNER_EMAIL = "owner@demo.vaccinepass.kr";
  public static final String OWNER_PASSWORD = "demo-owner-2021";
  public static final String INSPECTOR_EMAIL = "inspector.jongno@demo.vaccinepass.kr";
  public static final String INSPECTOR_PASSWORD = "demo-inspector-2021";
  public static final String ADMIN_EMAIL = "admin@demo.vaccinepass.kr";
  public static final String ADMIN_PASSWORD = "demo-admin-2021";
  public static final String INVESTIGATOR_EMAIL = "investigator.seoul@demo.vaccinepass.kr";
  public static final String INVESTIGATOR_PASSWORD = "demo-investigator-2021";

  /** The investigator's health authority: 서울특별시 (the whole 시도). */
  public static final String SEOUL = "1100000000";

  public static final String JONGNO = "1111000000";
  public static final String GANGNAM = "1168000000";

  private static final Logger LOG = Logger.getLogger(DemoData.class.getName());

  @Inject AccountRepository accounts;
  @Inject FacilityRepository facilities;
  @Inject Regions regions;
  @Inject PasswordHashing hashing;
  @Inject Clock clock;

  /** The demo accounts, whose passwords anyone can read. */
  static final List<String> DEMO_ACCOUNTS =
      List.of(OWNER_EMAIL, INSPECTOR_EMAIL, ADMIN_EMAIL, INVESTIGATOR_EMAIL);

  /**
   * Enables the demo accounts that exist in demo mode and disables them otherwise.
   *
   * @return how many demo accounts there are
   */
  @Transactional
  public int applyMode(boolean demo) {
    int found = 0;
    for (String email : DEMO_ACCOUNTS) {
      Account account = accounts.findByEmail(email).orElse(null);
      if (account == null) {
        continue;
      }
      found++;
      if (demo) {
        account.enable();
      } else if (account.isEnabled()) {
        account.disable();
        LOG.warning(() -> "Demo mode is off: the demo account " + email + " is disabled");
      }
    }
    return found;
  }

  @Transactional
  void seed(@Observes @Priority(100) SchemaReady ready) {
    boolean demo = PortalConfig.flag("portal.demo");
    if (demo && !accounts.existsByEmail(INVESTIGATOR_EMAIL)) {
      // added after the first demo accounts: a demo database seeded before gets it too
      accounts.add(
          Account.investigator(
              INVESTIGATOR_EMAIL,
              hashing.hash(INVESTIGATOR_PASSWORD),
              "최조사",
              "02-2133-0000",
              SEOUL,
              clock.instant()));
    }
    applyMode(demo);
    if (!demo || accounts.existsByEmail(OWNER_EMAIL)) {
      return;
    }
    var now = clock.instant();
    Account owner =
        accounts.add(
            Account.owner(OWNER_EMAIL, hashing.hash(OWNER_PASSWORD), "김사장", "010-1234-5678", now));
    accounts.add(
        Account.staff(
            INSPECTOR_EMAIL,
            hashing.hash(INSPECTOR_PASSWORD),
            "이감독",
            "02-2148-1234",
            Role.INSPECTOR,
            regions.sigungu(JONGNO).orElseThrow(),
            now));
    accounts.add(
        Account.staff(
            ADMIN_EMAIL,
            hashing.hash(ADMIN_PASSWORD),
            "박관리",
            "02-2100-0000",
            Role.ADMIN,
            null,
            now));
    facility(
        owner, "종로 한옥카페", "RESTAURANT_CAFE", "1018100016", JONGNO, "서울특별시 종로구 북촌로 31", null, 40);
    facility(owner, "종로 코인노래연습장", "KARAOKE", "2208112341", JONGNO, "서울특별시 종로구 종로 123", null, 60);
    facility(
        owner,
        "강남 스포츠센터",
        "INDOOR_SPORTS",
        "1048612345",
        GANGNAM,
        "서울특별시 강남구 테헤란로 152",
        new BigDecimal("850"),
        200);
    LOG.info("Demo data seeded");
  }

  private void facility(
      Account owner,
      String name,
      String type,
      String businessNumber,
      String sigungu,
      String address,
      BigDecimal area,
      Integer capacity) {
    var details =
        new FacilityDetails(
            name,
            facilities.findType(type).orElseThrow(),
            BusinessRegistrationNumber.parse(businessNumber),
            regions.sigungu(sigungu).orElseThrow(),
            address,
            area,
            capacity);
    facilities.add(
        Facility.register(
            owner.getId(), details, facilities.nextSafeCallNumber(), clock.instant()));
  }
}
