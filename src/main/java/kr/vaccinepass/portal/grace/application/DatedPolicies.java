package kr.vaccinepass.portal.grace.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import kr.vaccinepass.portal.grace.domain.DatedPolicy;
import kr.vaccinepass.portal.grace.domain.PolicyEventRepository;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices.Notice;

/**
 * The dated policy in force, in memory: the store is a few dozen rows, and the rules ask it for
 * every violation and every status page. Dropped on this node as soon as a change of the calendar
 * commits, on every other node when its notice is heard ({@link ClusterNotices}, milliseconds), and
 * after a minute at the latest; read again on the next question.
 */
@ApplicationScoped
public class DatedPolicies {
  /** The topic of this copy's notices. */
  static final String TOPIC = "dated-policy";

  /** The last resort when a notice is lost: no copy is older than this. */
  private static final long MAX_AGE_MILLIS = 60_000;

  @Inject PolicyEventRepository events;
  @Inject ClusterNotices notices;
  @Inject Clock clock;

  private record Copy(DatedPolicy policy, long loadedAtMillis) {}

  private volatile Copy copy;

  /**
   * Counts the changes heard: a load that read the store before a change committed keeps what it
   * read only if no change came meanwhile, so it never puts an older copy back over a drop.
   */
  private final AtomicLong changes = new AtomicLong();

  /** A change of the calendar, fired inside the transaction that makes it. */
  public record PolicyChanged(long revision) {}

  /** The policy as the store stands now. */
  public DatedPolicy current() {
    Copy c = copy;
    long now = System.currentTimeMillis();
    if (c != null && now - c.loadedAtMillis() < MAX_AGE_MILLIS) {
      return c.policy();
    }
    long seen = changes.get();
    DatedPolicy loaded = DatedPolicy.of(events.all());
    if (changes.get() == seen) {
      copy = new Copy(loaded, now);
    }
    return loaded;
  }

  /** Tells every node, when the change's transaction commits, to read the store again. */
  void changing(@Observes PolicyChanged change) {
    notices.send(TOPIC, Long.toString(change.revision()));
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PolicyChanged change) {
    drop();
  }

  void heard(@Observes Notice notice) {
    if (notice.concerns(TOPIC)) {
      drop();
    }
  }

  private void drop() {
    changes.incrementAndGet();
    copy = null;
  }
}
