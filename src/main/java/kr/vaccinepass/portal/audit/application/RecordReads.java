package kr.vaccinepass.portal.audit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.audit.domain.AuditRepository;
import kr.vaccinepass.portal.audit.domain.FacilityNames;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * An owner's view of who read their facilities' visit records and when: by role and authority,
 * never by a person's name (the rows carry no actor name). The owner's own reads are left out:
 * every page of their records is one, and they would drown out the others (administrators still see
 * them in the trail).
 */
@ApplicationScoped
@Transactional
@RolesAllowed(Role.OWNER_NAME)
public class RecordReads {
  @Inject AuditRepository repository;
  @Inject FacilityNames facilities;
  @Inject ActorResolver actors;

  public List<AuditRow> page(@NotNull PageRequest page) {
    long me = actors.require().accountId();
    List<Long> own = facilities.ownedBy(me);
    Map<Long, String> names = facilities.of(own);
    return repository.visitRecordReads(own, me, page).stream()
        .map(e -> new AuditRow(e, null, names.get(e.getFacilityId())))
        .toList();
  }

  public long count() {
    long me = actors.require().accountId();
    return repository.countVisitRecordReads(facilities.ownedBy(me), me);
  }
}
