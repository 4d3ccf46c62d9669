package kr.vaccinepass.portal.testsupport;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.vaccinepass.portal.facility.application.FacilityDraft;
import kr.vaccinepass.portal.identity.application.SignUpForm;
import kr.vaccinepass.portal.identity.application.StaffAccountForm;
import kr.vaccinepass.portal.shared.security.Role;

/** Small builders of valid test input; every call gives fresh, unique values. */
public final class TestData {
  public static final String JONGNO = "1111000000";
  public static final String GANGNAM = "1168000000";
  public static final String SEOUL = "1100000000";
  public static final String BUSAN_JUNG = "2611000000";
  public static final String BUSAN = "2600000000";
  public static final String PASSWORD = "correct-horse-42";

  private static final int[] WEIGHTS = {1, 3, 7, 1, 3, 7, 1, 3, 5};

  private TestData() {}

  /** A random business registration number with a right check digit. */
  public static String businessNumber() {
    int[] d = new int[10];
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      d[i] = ThreadLocalRandom.current().nextInt(10);
      sum += d[i] * WEIGHTS[i];
    }
    sum += d[8] * 5 / 10;
    d[9] = (10 - sum % 10) % 10;
    StringBuilder sb = new StringBuilder();
    for (int digit : d) {
      sb.append(digit);
    }
    return sb.toString();
  }

  /** The same number with a wrong check digit. */
  public static String wrongCheckDigit(String number) {
    char last = number.charAt(9);
    return number.substring(0, 9) + (char) ('0' + (last - '0' + 1) % 10);
  }

  public static String email(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.vaccinepass.kr";
  }

  public static SignUpForm owner() {
    SignUpForm form = new SignUpForm();
    form.setEmail(email("owner"));
    form.setName("테스트 사업주");
    form.setPhone("010-2222-3333");
    form.setPassword(PASSWORD);
    form.setPasswordConfirmation(PASSWORD);
    return form;
  }

  public static StaffAccountForm inspector(String sigunguCode) {
    StaffAccountForm form = new StaffAccountForm();
    form.setEmail(email("inspector"));
    form.setName("테스트 감독관");
    form.setPhone("02-123-4567");
    form.setRole(Role.INSPECTOR);
    form.setJurisdictionCode(sigunguCode);
    form.setInitialPassword(PASSWORD);
    return form;
  }

  public static FacilityDraft facility(String sidoCode, String sigunguCode) {
    FacilityDraft draft = new FacilityDraft();
    draft.setName("테스트 카페 " + UUID.randomUUID().toString().substring(0, 6));
    draft.setTypeCode("RESTAURANT_CAFE");
    draft.setBusinessNumber(businessNumber());
    draft.setSidoCode(sidoCode);
    draft.setSigunguCode(sigunguCode);
    draft.setRoadAddress("서울특별시 종로구 세종대로 209");
    draft.setCapacity(30);
    return draft;
  }

  public static FacilityDraft facilityInJongno() {
    return facility(SEOUL, JONGNO);
  }
}
