package kr.vaccinepass.portal.facility;

import static kr.vaccinepass.portal.testsupport.TestActors.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolationException;
import java.math.BigDecimal;
import java.util.List;
import kr.vaccinepass.portal.facility.application.FacilityDraft;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityFilter;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.AccessDeniedException;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.Deployments;
import kr.vaccinepass.portal.testsupport.TestData;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Registration and the visibility rules of facilities, in WildFly on PostgreSQL. */
@ExtendWith(ArquillianExtension.class)
class FacilityServiceIT {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(FacilityServiceIT.class);
  }

  @Inject FacilityService facilities;
  @Inject AccountService accounts;

  @PersistenceContext EntityManager em;

  private Actor ownerA;
  private Actor ownerB;
  private Actor jongnoInspector;
  private Actor busanInspector;

  @BeforeEach
  void accounts() {
    ownerA = owner();
    ownerB = owner();
    jongnoInspector = inspector(TestData.JONGNO);
    busanInspector = inspector(TestData.BUSAN_JUNG);
  }

  @Test
  void anOwnerRegistersAFacilityAndGetsAUnique080Number() {
    FacilityDraft draft = TestData.facilityInJongno();
    Facility one = as(ownerA, () -> facilities.register(draft));
    Facility two = as(ownerA, () -> facilities.register(TestData.facilityInJongno()));

    assertTrue(one.getId() > 0);
    assertEquals(ownerA.accountId(), one.getOwnerId());
    assertEquals(draft.getBusinessNumber(), one.getBusinessNumber().digits());
    assertTrue(one.getSafeCallNumber().matches("080-\\d{3}-\\d{4}"), one.getSafeCallNumber());
    assertFalse(one.getSafeCallNumber().equals(two.getSafeCallNumber()));
    Facility reloaded = as(ownerA, () -> facilities.get(one.getId()));
    assertEquals("종로구", reloaded.getSigungu().getNameKo());
  }

  @Test
  void anOwnerSeesOnlyTheirOwnFacilities() {
    Facility mine = as(ownerA, () -> facilities.register(TestData.facilityInJongno()));
    Facility theirs = as(ownerB, () -> facilities.register(TestData.facilityInJongno()));

    List<Long> listed = ids(ownerA);
    assertTrue(listed.contains(mine.getId()));
    assertFalse(listed.contains(theirs.getId()));
    assertEquals(1, listed.size());
  }

  @Test
  void anOwnerTryingAnotherOwnersFacilityIdIsToldItDoesNotExist() {
    Facility theirs = as(ownerB, () -> facilities.register(TestData.facilityInJongno()));

    NotFoundException read =
        assertThrows(
            NotFoundException.class, () -> as(ownerA, () -> facilities.get(theirs.getId())));
    assertEquals("facility.notFound", read.messageKey());
    FacilityDraft change = TestData.facilityInJongno();
    assertThrows(
        NotFoundException.class, () -> as(ownerA, () -> facilities.update(theirs.getId(), change)));
    assertEquals(
        theirs.getName(), as(ownerB, () -> facilities.get(theirs.getId())).getName(), "unchanged");
  }

  @Test
  void anInspectorSeesTheFacilitiesOfTheirJurisdictionOnly() {
    Facility inJongno = as(ownerA, () -> facilities.register(TestData.facilityInJongno()));
    Facility inBusan =
        as(
            ownerA,
            () -> facilities.register(TestData.facility(TestData.BUSAN, TestData.BUSAN_JUNG)));

    List<Long> jongno = ids(jongnoInspector);
    assertTrue(jongno.contains(inJongno.getId()));
    assertFalse(jongno.contains(inBusan.getId()));
    assertEquals(
        inJongno.getName(), as(jongnoInspector, () -> facilities.get(inJongno.getId())).getName());
    assertThrows(
        NotFoundException.class, () -> as(jongnoInspector, () -> facilities.get(inBusan.getId())));
    assertTrue(ids(busanInspector).contains(inBusan.getId()));
    assertFalse(ids(busanInspector).contains(inJongno.getId()));
  }

  @Test
  void anAdministratorSeesAll() {
    Facility a = as(ownerA, () -> facilities.register(TestData.facilityInJongno()));
    Facility b =
        as(
            ownerB,
            () -> facilities.register(TestData.facility(TestData.BUSAN, TestData.BUSAN_JUNG)));
    long total =
        as(
            SOME_ADMIN,
            () -> facilities.search(FacilityFilter.none(), PageRequest.first(1)).total());
    long count =
        ((Number) em.createQuery("select count(f) from Facility f").getSingleResult()).longValue();
    assertEquals(count, total);
    assertEquals(a.getName(), as(SOME_ADMIN, () -> facilities.get(a.getId())).getName());
    assertEquals(b.getName(), as(SOME_ADMIN, () -> facilities.get(b.getId())).getName());
  }

  @Test
  void onlyOwnersRegisterAndNobodySignedInDoesNothing() {
    assertThrows(
        AccessDeniedException.class,
        () -> as(jongnoInspector, () -> facilities.register(TestData.facilityInJongno())));
    assertThrows(
        AccessDeniedException.class,
        () -> as(SOME_ADMIN, () -> facilities.register(TestData.facilityInJongno())));
    assertThrows(
        AccessDeniedException.class,
        () -> facilities.search(FacilityFilter.none(), PageRequest.first(10)));
  }

  @Test
  void aDuplicateBusinessNumberIsRefusedOnItsFieldAndNothingIsWritten() {
    FacilityDraft first = TestData.facilityInJongno();
    as(ownerA, () -> facilities.register(first));
    FacilityDraft again = TestData.facilityInJongno();
    again.setBusinessNumber(
        first.getBusinessNumber().substring(0, 3)
            + "-"
            + first.getBusinessNumber().substring(3, 5)
            + "-"
            + first.getBusinessNumber().substring(5));
    long before = countFacilities();

    BusinessException e =
        assertThrows(BusinessException.class, () -> as(ownerB, () -> facilities.register(again)));
    assertEquals("facility.businessNumber.taken", e.messageKey());
    assertEquals("businessNumber", e.field().orElseThrow());
    assertEquals(before, countFacilities());
  }

  @Test
  void badInputIsRefusedWithTheRightKeys() {
    FacilityDraft wrongCheck = TestData.facilityInJongno();
    wrongCheck.setBusinessNumber(TestData.wrongCheckDigit(wrongCheck.getBusinessNumber()));
    assertViolation(wrongCheck, "{facility.businessNumber.invalid}");

    FacilityDraft empty = new FacilityDraft();
    ConstraintViolationException all =
        assertThrows(
            ConstraintViolationException.class, () -> as(ownerA, () -> facilities.register(empty)));
    assertTrue(all.getConstraintViolations().size() >= 5, all.getMessage());

    FacilityDraft tooLong = TestData.facilityInJongno();
    tooLong.setName("가".repeat(101));
    assertViolation(tooLong, "{facility.name.tooLong}");

    FacilityDraft unknownPlace = TestData.facility(TestData.SEOUL, "9999900000");
    BusinessException unknown =
        assertThrows(
            BusinessException.class, () -> as(ownerA, () -> facilities.register(unknownPlace)));
    assertEquals("facility.sigungu.unknown", unknown.messageKey());

    FacilityDraft wrongProvince = TestData.facility(TestData.SEOUL, TestData.BUSAN_JUNG);
    assertEquals(
        "facility.sigungu.unknown",
        assertThrows(
                BusinessException.class, () -> as(ownerA, () -> facilities.register(wrongProvince)))
            .messageKey());

    FacilityDraft smallStore = TestData.facilityInJongno();
    smallStore.setTypeCode("LARGE_STORE");
    smallStore.setFloorAreaM2(new BigDecimal("2999.99"));
    BusinessException small =
        assertThrows(
            BusinessException.class, () -> as(ownerA, () -> facilities.register(smallStore)));
    assertEquals("facility.floorArea.tooSmallForType", small.messageKey());
    smallStore.setFloorAreaM2(new BigDecimal("3000"));
    assertEquals(
        "LARGE_STORE", as(ownerA, () -> facilities.register(smallStore)).getType().getCode());
  }

  @Test
  void anOwnerCorrectsTheirFacilityAndKeepsThe080Number() {
    Facility facility = as(ownerA, () -> facilities.register(TestData.facilityInJongno()));
    FacilityDraft change = TestData.facility(TestData.SEOUL, TestData.GANGNAM);
    change.setBusinessNumber(facility.getBusinessNumber().digits());
    change.setName("새 이름");
    Facility updated = as(ownerA, () -> facilities.update(facility.getId(), change));
    assertEquals("새 이름", updated.getName());
    assertEquals(facility.getSafeCallNumber(), updated.getSafeCallNumber());
    assertEquals(
        TestData.GANGNAM,
        as(ownerA, () -> facilities.get(facility.getId())).getSigungu().getCode());
  }

  private void assertViolation(FacilityDraft draft, String template) {
    ConstraintViolationException e =
        assertThrows(
            ConstraintViolationException.class, () -> as(ownerA, () -> facilities.register(draft)));
    assertTrue(
        e.getConstraintViolations().stream().anyMatch(v -> v.getMessageTemplate().equals(template)),
        e.getMessage());
  }

  private List<Long> ids(Actor actor) {
    return as(
        actor,
        () ->
            facilities
                .search(FacilityFilter.none(), new PageRequest(0, 200, "createdAt", false))
                .items()
                .stream()
                .map(Facility::getId)
                .toList());
  }

  private long countFacilities() {
    return ((Number) em.createQuery("select count(f) from Facility f").getSingleResult())
        .longValue();
  }

  private Actor owner() {
    var form = TestData.owner();
    long id = accounts.signUpOwner(form);
    return new Actor(id, form.getEmail(), Role.OWNER, null);
  }

  private Actor inspector(String sigungu) {
    var form = TestData.inspector(sigungu);
    long id = as(SOME_ADMIN, () -> accounts.createStaff(form));
    return new Actor(id, form.getEmail(), Role.INSPECTOR, sigungu);
  }
}
