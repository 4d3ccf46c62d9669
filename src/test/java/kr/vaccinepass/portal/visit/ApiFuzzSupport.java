package kr.vaccinepass.portal.visit;

import static kr.vaccinepass.portal.testsupport.TestActors.as;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import kr.vaccinepass.portal.facility.application.FacilityService;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.pass.application.TrustListService;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.testsupport.TestData;
import kr.vaccinepass.portal.visit.application.VisitRecordService;

/**
 * Test support for {@link ApiFuzzIT}, deployed only with it (under the API's path, which is not
 * behind the form login): makes what a client-side fuzz run needs (an owner, a facility, its device
 * key, an issuer key whose private half the client holds), and reads back what was recorded.
 */
@ApplicationScoped
@Path("/test-support/api-fuzz")
public class ApiFuzzSupport {
  private static final Actor SOME_ADMIN = new Actor(0, "admin@test", Role.ADMIN, null);

  @Inject AccountService accounts;
  @Inject FacilityService facilities;
  @Inject VisitRecordService records;
  @Inject TrustListService trust;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  /** The body is the issuer key's public half (PEM); the answer is one line of key=value pairs. */
  @POST
  @Consumes(MediaType.TEXT_PLAIN)
  @Produces(MediaType.TEXT_PLAIN)
  public String setUp(String publicKeyPem) {
    var ownerForm = TestData.owner();
    long ownerId = accounts.signUpOwner(ownerForm);
    Actor owner = new Actor(ownerId, ownerForm.getEmail(), Role.OWNER, null);
    var adminForm = TestData.inspector(TestData.JONGNO);
    adminForm.setRole(Role.ADMIN);
    adminForm.setJurisdictionCode(null);
    long adminId = as(SOME_ADMIN, () -> accounts.createStaff(adminForm));
    Actor admin = new Actor(adminId, adminForm.getEmail(), Role.ADMIN, null);
    Facility facility = as(owner, () -> facilities.register(TestData.facilityInJongno()));
    String key = as(owner, () -> records.createDeviceKey(facility.getId(), "fuzz").secret());
    String kid = "FUZZ-" + UUID.randomUUID().toString().substring(0, 8);
    as(
        admin,
        () -> trust.addKey("COOV", kid, publicKeyPem, clock.instant().minusSeconds(86_400), null));
    return "facilityId="
        + facility.getId()
        + "\ndeviceKey="
        + key
        + "\nkid="
        + kid
        + "\nsafeCallNumber="
        + facility.getSafeCallNumber()
        + "\nportalNowMillis="
        + clock.millis()
        + "\n";
  }

  /** The nonces of the facility's QR visits, one a line. */
  @GET
  @Path("/{facilityId}/nonces")
  @Produces(MediaType.TEXT_PLAIN)
  @Transactional
  public String nonces(@PathParam("facilityId") long facilityId) {
    return lines(
        "select token_nonce from visit where facility_id = ?1 and token_nonce is not null",
        facilityId);
  }

  /** The call ids of the facility's 안심콜 visits, one a line. */
  @GET
  @Path("/{facilityId}/calls")
  @Produces(MediaType.TEXT_PLAIN)
  @Transactional
  public String calls(@PathParam("facilityId") long facilityId) {
    return lines(
        "select external_ref from visit where facility_id = ?1 and method = 'CALL'", facilityId);
  }

  private String lines(String sql, long facilityId) {
    @SuppressWarnings("unchecked")
    List<Object> rows = em.createNativeQuery(sql).setParameter(1, facilityId).getResultList();
    return rows.stream().map(String::valueOf).collect(Collectors.joining("\n"));
  }
}
