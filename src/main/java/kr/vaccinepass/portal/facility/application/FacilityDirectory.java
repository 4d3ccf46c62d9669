package kr.vaccinepass.portal.facility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices.Notice;

/**
 * Facilities as the check-in path sees them, cached in memory: a door scan reads no facility row
 * after the first. A change on any node drops the entry on every node once it commits ({@link
 * ClusterNotices}); entries also expire after a minute, the last resort. Internal: it answers no
 * caller directly and applies no access rule (the calling service does).
 */
@ApplicationScoped
public class FacilityDirectory {
  private static final long TTL_MILLIS = 60_000;

  /** The topic of this copy's notices; the subject is the facility's id. */
  static final String TOPIC = "facility";

  @Inject FacilitySnapshots snapshots;
  @Inject ClusterNotices notices;

  private final Map<Long, Entry> byId = new ConcurrentHashMap<>();
  private final Map<String, Long> bySafeCallNumber = new ConcurrentHashMap<>();

  /**
   * Counts the changes this node has heard of. A load keeps what it read only if none came while it
   * read: one that read a facility just before its suspension committed must not put the open
   * facility back after the change dropped it (its doors would admit until the entry expired).
   */
  private final AtomicLong changes = new AtomicLong();

  private record Entry(FacilitySnapshot snapshot, long loadedAt) {}

  public Optional<FacilitySnapshot> find(long facilityId) {
    Entry entry = byId.get(facilityId);
    if (entry != null && System.currentTimeMillis() - entry.loadedAt() < TTL_MILLIS) {
      return Optional.of(entry.snapshot());
    }
    long changesBefore = changes.get();
    Optional<FacilitySnapshot> loaded = snapshots.load(facilityId);
    if (changes.get() != changesBefore) {
      return loaded;
    }
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

  /** In the changing transaction: every node hears of it once it commits. */
  void announce(@Observes FacilityChanged change) {
    notices.send(TOPIC, Long.toString(change.facilityId()));
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) FacilityChanged change) {
    changes.incrementAndGet();
    byId.remove(change.facilityId());
  }

  /**
   * Forgets every facility: the coverage of their types changed (the enforcement calendar, whose
   * copy on each node calls this once the change is known there).
   */
  public void forgetAll() {
    changes.incrementAndGet();
    byId.clear();
  }

  /** A change heard from some node (this one's own included). */
  void heard(@Observes Notice notice) {
    if (notice.isEverything() || notice.concerns(TOPIC)) {
      changes.incrementAndGet();
    }
    if (notice.isEverything()) {
      byId.clear();
      bySafeCallNumber.clear();
    } else if (notice.concerns(TOPIC)) {
      try {
        byId.remove(Long.parseLong(notice.subject()));
      } catch (NumberFormatException e) {
        byId.clear();
      }
    }
  }
}
