package kr.vaccinepass.portal.facility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facilities as the check-in path sees them, cached in memory: a door scan reads no facility row
 * after the first. A change on this node drops the entry after it commits; entries also expire
 * after a minute, so a change made on another node arrives. Internal: it answers no caller directly
 * and applies no access rule (the calling service does).
 */
@ApplicationScoped
public class FacilityDirectory {
  private static final long TTL_MILLIS = 60_000;

  @Inject FacilitySnapshots snapshots;

  private final Map<Long, Entry> byId = new ConcurrentHashMap<>();
  private final Map<String, Long> bySafeCallNumber = new ConcurrentHashMap<>();

  private record Entry(FacilitySnapshot snapshot, long loadedAt) {}

  public Optional<FacilitySnapshot> find(long facilityId) {
    Entry entry = byId.get(facilityId);
    if (entry != null && System.currentTimeMillis() - entry.loadedAt() < TTL_MILLIS) {
      return Optional.of(entry.snapshot());
    }
    Optional<FacilitySnapshot> loaded = snapshots.load(facilityId);
    loaded.ifPresentOrElse(
        s -> {
          byId.put(facilityId, new Entry(s, System.currentTimeMillis()));
          bySafeCallNumber.put(s.safeCallNumber(), facilityId);
        },
        () -> byId.remove(facilityId));
    return loaded;
  }

  /** The facility an 안심콜 080 number belongs to. */
  public Optional<FacilitySnapshot> findBySafeCallNumber(String number) {
    Long id = bySafeCallNumber.get(number);
    if (id == null) {
      id = snapshots.idOfSafeCallNumber(number).orElse(null);
    }
    return id == null ? Optional.empty() : find(id);
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FacilityChanged change) {
    byId.remove(change.facilityId());
  }
}
