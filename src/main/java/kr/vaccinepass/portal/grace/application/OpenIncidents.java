package kr.vaccinepass.portal.grace.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import kr.vaccinepass.portal.grace.domain.IncidentRepository;

/**
 * The open incidents, kept in memory for the door scanners that ask every 30 seconds: read again at
 * once after a declaration or a closing on this node commits, and at least every 10 seconds (so a
 * change made on another node arrives). Internal to the incident service, which applies the access
 * rules.
 */
@ApplicationScoped
class OpenIncidents {
  static final long TTL_MILLIS = 10_000;

  @Inject IncidentRepository incidents;

  private final AtomicLong generation = new AtomicLong();
  private volatile Snapshot snapshot;

  private record Snapshot(List<OpenIncident> open, long loadedAt, long generation) {}

  List<OpenIncident> current() {
    Snapshot s = snapshot;
    long now = System.currentTimeMillis();
    long gen = generation.get();
    if (s != null && s.generation() == gen && now - s.loadedAt() < TTL_MILLIS) {
      return s.open();
    }
    List<OpenIncident> open = incidents.open().stream().map(OpenIncident::of).toList();
    // a change committed while this was read leaves a newer generation: the next call reads again
    snapshot = new Snapshot(open, now, gen);
    return open;
  }

  void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) IncidentChanged change) {
    generation.incrementAndGet();
  }
}
