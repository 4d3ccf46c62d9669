package kr.vaccinepass.portal.visit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.visit.domain.DeviceKey;
import kr.vaccinepass.portal.visit.domain.DoorMode;
import kr.vaccinepass.portal.visit.domain.DoorReport;
import kr.vaccinepass.portal.visit.domain.DoorState;
import kr.vaccinepass.portal.visit.domain.RegionDoors;
import kr.vaccinepass.portal.visit.domain.VisitRepository;

/**
 * A paired door's own calls about itself (docs/door.md, "Door state" and "Unpairing"): its
 * heartbeat and its unpairing, authenticated by its device key in the API before they get here (the
 * key's id is the caller), and the administrators' count of doors per 시군구. The owner's view of
 * their doors is {@link VisitRecordService#doors(long)}, with the owner's object-level check.
 */
@ApplicationScoped
@Transactional
public class DoorStateService {
  @Inject VisitRepository visits;
  @Inject Clock clock;
  @Inject Event<DeviceKeys.Revoked> revoked;

  /** The door of that key reported: kept as its state, received now (one upsert). */
  public void report(long deviceKeyId, DoorReport report) {
    visits.reportDoorState(deviceKeyId, clock.instant(), report);
  }

  /**
   * The door of that key unpairs itself: its key is revoked now, by no account, and this node
   * forgets it at once (others within the minute their cache holds a key).
   */
  public void unpair(long deviceKeyId) {
    DeviceKey key = visits.findDeviceKey(deviceKeyId).orElseThrow(DeviceKeys.InvalidDeviceKey::new);
    key.revokeByDoor(clock.instant());
    revoked.fire(new DeviceKeys.Revoked(key.getSecretHash()));
  }

  /**
   * Per 시군구, the doors counted now (heard from within 24 hours), how many of them are silent, how
   * many degraded, and their queued visits: the first signal of an outage. The most troubled
   * (silent + degraded) first ({@link RegionDoors#MOST_TROUBLED_FIRST}).
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public List<RegionDoors> perRegion() {
    Instant now = clock.instant();
    return visits
        .doorsPerRegion(
            DoorState.reportingSince(now), DoorState.countedSince(now), DoorMode.degraded())
        .stream()
        .sorted(RegionDoors.MOST_TROUBLED_FIRST)
        .toList();
  }
}
