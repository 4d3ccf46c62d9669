package kr.vaccinepass.portal.visit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.visit.domain.Trace;
import kr.vaccinepass.portal.visit.domain.TraceRepository;

/**
 * The administrators' view of the traces of facilities outside their investigator's region, each
 * with its reason: flagged to them as the law's proportionality asks. The findings themselves stay
 * with the investigator.
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.ADMIN_NAME)
public class TraceOversight {
  @Inject TraceRepository traces;
  @Inject AccountService accounts;
  @Inject FacilityDirectory directory;

  /** A flagged trace and who asked for it. */
  public record Flagged(Trace trace, String investigator, String facilityName)
      implements Serializable {}

  public List<Flagged> outOfRegion(@NotNull PageRequest page) {
    List<Trace> found = traces.outOfRegion(page);
    Map<Long, String> names =
        accounts.displayNames(found.stream().map(Trace::getInvestigatorId).toList());
    return found.stream()
        .map(
            t ->
                new Flagged(
                    t,
                    names.getOrDefault(t.getInvestigatorId(), ""),
                    directory.find(t.getFacilityId()).map(FacilitySnapshot::name).orElse("")))
        .toList();
  }

  public long countOutOfRegion() {
    return traces.countOutOfRegion();
  }
}
