package kr.vaccinepass.portal.facility.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import kr.vaccinepass.portal.audit.application.AuditTrail;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.facility.domain.BusinessRegistrationNumber;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.FacilityDetails;
import kr.vaccinepass.portal.facility.domain.FacilityFilter;
import kr.vaccinepass.portal.facility.domain.FacilityRepository;
import kr.vaccinepass.portal.facility.domain.FacilityScope;
import kr.vaccinepass.portal.facility.domain.FacilityType;
import kr.vaccinepass.portal.facility.domain.OpenCases;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.domain.Page;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * Registering, correcting, finding and listing facilities, always as the current actor: an owner
 * reaches only their own facilities, an inspector only those of their 시군구. Another's facility
 * answers "not found", exactly as a missing one.
 */
@ApplicationScoped
@Transactional
@RolesAllowed({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME})
public class FacilityService {
  private static final Logger LOG = Logger.getLogger(FacilityService.class.getName());

  @Inject FacilityRepository facilities;
  @Inject Regions regions;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject Event<FacilityChanged> changed;
  @Inject OpenCases openCases;
  @Inject AuditTrail audit;

  @RolesAllowed(Role.OWNER_NAME)
  public Facility register(@NotNull @Valid FacilityDraft draft) {
    Actor owner = actors.require();
    FacilityDetails details = resolve(draft, null);
    Facility facility =
        Facility.register(owner.accountId(), details, facilities.nextSafeCallNumber(), now());
    facilities.add(facility);
    audit.record(
        AuditFact.change(AuditKind.FACILITY_REGISTERED, facility.getId(), facility.getId()));
    LOG.info(() -> "Facility " + facility.getId() + " registered by account " + owner.accountId());
    return facility;
  }

  @RolesAllowed(Role.OWNER_NAME)
  public Facility update(long facilityId, @NotNull @Valid FacilityDraft draft) {
    Actor owner = actors.require();
    Facility facility = visible(facilityId, owner);
    if (!facility.isEditableBy(owner)) {
      throw new NotFoundException("facility.notFound");
    }
    FacilityDetails details = resolve(draft, facilityId);
    // only a change of the facts of a case needs to know whether cases are open
    boolean open = facility.changedCaseFact(details) != null && openCases.existAt(facilityId);
    facility.update(details, open, now());
    audit.record(AuditFact.change(AuditKind.FACILITY_CHANGED, facilityId, facilityId));
    changed.fire(new FacilityChanged(facilityId));
    return facility;
  }

  /** The facility, if the caller may see it. */
  public Facility get(long facilityId) {
    Facility facility = visible(facilityId, actors.require());
    // the page shows these after the transaction
    facility.getType().getCoverage().size();
    facility.getSigungu().getSido().getNameKo();
    return facility;
  }

  /** A page of the facilities the caller may see, filtered and sorted. */
  public Page<Facility> search(FacilityFilter filter, PageRequest page) {
    FacilityScope scope = FacilityScope.of(actors.require());
    return new Page<>(facilities.list(scope, filter, page), facilities.count(scope, filter));
  }

  /**
   * Facilities anywhere in the country whose name, business number, 080 number or address contains
   * the text, for an investigator choosing the facility to trace (a trace outside their region then
   * needs a reason). Names and addresses only: facilities are public places.
   */
  @RolesAllowed(Role.INVESTIGATOR_NAME)
  public List<Facility> traceable(String text, int limit) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    List<Facility> found =
        facilities.list(
            new FacilityScope(null, null),
            new FacilityFilter(text.strip(), null, null, null, null),
            new PageRequest(0, Math.min(limit, PageRequest.MAX_SIZE), "name", true));
    // the page shows these after the transaction
    found.forEach(f -> f.getSigungu().getSido().getNameKo());
    return found;
  }

  /** One page of the facilities the caller may see (for lists that count separately). */
  public List<Facility> list(FacilityFilter filter, PageRequest page) {
    return facilities.list(FacilityScope.of(actors.require()), filter, page);
  }

  /** How many facilities the caller may see match the filter. */
  public long count(FacilityFilter filter) {
    return facilities.count(FacilityScope.of(actors.require()), filter);
  }

  public List<FacilityType> types() {
    return facilities.allTypes();
  }

  private Facility visible(long facilityId, Actor actor) {
    return facilities
        .findById(facilityId)
        .filter(f -> f.isVisibleTo(actor))
        .orElseThrow(() -> new NotFoundException("facility.notFound"));
  }

  private FacilityDetails resolve(FacilityDraft draft, Long facilityId) {
    FacilityType type =
        facilities
            .findType(draft.getTypeCode())
            .orElseThrow(() -> BusinessException.onField("typeCode", "facility.type.unknown"));
    Sigungu sigungu =
        regions
            .sigungu(draft.getSigunguCode())
            .filter(
                g ->
                    draft.getSidoCode() == null
                        || g.getSido().getCode().equals(draft.getSidoCode()))
            .orElseThrow(
                () -> BusinessException.onField("sigunguCode", "facility.sigungu.unknown"));
    BusinessRegistrationNumber number;
    try {
      number = BusinessRegistrationNumber.parse(draft.getBusinessNumber());
    } catch (IllegalArgumentException e) {
      throw BusinessException.onField("businessNumber", "facility.businessNumber.invalid");
    }
    if (facilities.existsByBusinessNumber(number.digits(), facilityId)) {
      throw BusinessException.onField("businessNumber", "facility.businessNumber.taken");
    }
    return new FacilityDetails(
        draft.getName(),
        type,
        number,
        sigungu,
        draft.getRoadAddress(),
        draft.getFloorAreaM2(),
        draft.getCapacity());
  }

  private Instant now() {
    return clock.instant();
  }
}
