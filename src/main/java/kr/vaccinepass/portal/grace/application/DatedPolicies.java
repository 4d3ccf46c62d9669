package kr.vaccinepass.portal.grace.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.grace.domain.DatedPolicy;
import kr.vaccinepass.portal.grace.domain.PolicyEventRepository;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices;
import kr.vaccinepass.portal.shared.infrastructure.ClusterNotices.Notice;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;

/**
 * The dated policy in force, in memory: the store is a few dozen rows, and the rules ask it for
 * every check-in, every violation and every status page. Loaded at start; read again on the next
 * question as soon as a change of the calendar commits on this node, when its notice is heard on
 * every other node ({@link ClusterNotices}, milliseconds), and after a minute at the latest.
 */
@ApplicationScoped
public class DatedPolicies {
  /** The topic of this copy's notices. */
  static final String TOPIC = "dated-policy";

  private static final Logger LOG = Logger.getLogger(DatedPolicies.class.getName());

  /** The last resort when a notice is lost: no copy is older than this. */
  private static final long MAX_AGE_MILLIS = 60_000;

  /** After a failed read, the copy answers this long before the store is asked again. */
  private static final long RETRY_MILLIS = 5_000;

  @Inject PolicyEventRepository events;
  @Inject ClusterNotices notices;
  @Inject FacilityDirectory facilities;

  /**
   * A copy and when it is next read again from the store: at once after a change, a minute after a
   * load, a few seconds after a load that failed.
   */
  private record Copy(DatedPolicy policy, long recheckAtMillis) {}

  private volatile Copy copy;

  /**
   * Counts the changes heard: a load that read the store before a change committed keeps what it
   * read only if no change came meanwhile, so it never puts an older copy back over a drop.
   */
  private final AtomicLong changes = new AtomicLong();

  /** A change of the calendar, fired inside the transaction that makes it. */
  public record PolicyChanged(long revision) {}

  void start(@Observes SchemaReady ready) {
    current();
  }

  /**
   * The policy as the store stands now. When the store cannot be read (the database is down), the
   * copy in memory still answers: the door keeps admitting by the rules it had, and the store is
   * asked again a few seconds later.
   */
  public DatedPolicy current() {
    Copy c = copy;
    long now = System.currentTimeMillis();
    if (c != null && now < c.recheckAtMillis()) {
      return c.policy();
    }
    long seen = changes.get();
    try {
      DatedPolicy loaded = DatedPolicy.of(events.all());
      if (changes.get() == seen) {
        copy = new Copy(loaded, now + MAX_AGE_MILLIS);
      }
      return loaded;
    } catch (RuntimeException e) {
      if (c == null) {
        throw e;
      }
      if (changes.get() == seen) {
        copy = new Copy(c.policy(), now + RETRY_MILLIS);
      }
      LOG.log(Level.WARNING, "the calendar could not be read; its copy in memory answers", e);
      return c.policy();
    }
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
    // the facilities' copies hold their types' coverage, which the calendar decides
    facilities.forgetAll();
    changes.incrementAndGet();
    Copy c = copy;
    if (c != null) {
      copy = new Copy(c.policy(), 0);
    }
  }
}
