package kr.vaccinepass.portal.visit.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.infrastructure.ClusterJobs;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;
import kr.vaccinepass.portal.visit.domain.TraceRepository;
import kr.vaccinepass.portal.visit.domain.VisitRepository;

/**
 * The visit table's days: each KST day has a partition, made a week ahead; a visit of day D is kept
 * through day D+28 and gone on day D+29, when its day's partition is dropped (a day destroyed at
 * once, whatever its size). Runs at start and then every hour, so a missed night is caught up; in a
 * cluster, once per hour on one node ({@link ClusterJobs}: every node asks each minute, and another
 * takes over when the one that ran it dies).
 */
@ApplicationScoped
public class VisitRetention {
  private static final Logger LOG = Logger.getLogger(VisitRetention.class.getName());

  /** Partitions are made for yesterday through this many days ahead. */
  public static final int DAYS_AHEAD = 7;

  /** A token lives 15 s; its nonce's claim is kept a day, far beyond any clock skew. */
  private static final Duration NONCE_CLAIMS_KEPT = Duration.ofDays(1);

  @Inject VisitRepository visits;
  @Inject TraceRepository traces;

  /** How often the work runs in the cluster; each node asks every minute. */
  static final Duration EVERY = Duration.ofHours(1);

  @Inject Clock clock;
  @Inject ClusterJobs jobs;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> job;

  void start(@Observes SchemaReady ready) {
    // before the first visit arrives, so that today's visits land in today's partition
    runQuietly(Duration.ZERO);
    job = scheduler.scheduleWithFixedDelay(() -> runQuietly(EVERY), 1, 1, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  /** What one run did. */
  public record Purged(List<LocalDate> daysDropped, int strayVisitsDeleted) {}

  /** Destroys what is older than the retention on that day. */
  @Transactional
  public Purged purge(LocalDate today) {
    LocalDate firstKept = today.minusDays(VisitRecordService.RETENTION_DAYS);
    List<LocalDate> dropped = new ArrayList<>();
    for (LocalDate day : visits.partitionDays()) {
      if (day.isBefore(firstKept)) {
        visits.dropPartition(day);
        dropped.add(day);
      }
    }
    Instant cutoff = firstKept.atStartOfDay(Kst.ZONE).toInstant();
    int strays = visits.deleteBefore(cutoff);
    // a trace of day D goes with the visits of day D: it stores no result, and nothing is left
    int tracesDestroyed = traces.deleteCreatedBefore(cutoff);
    visits.deleteNonceClaimsBefore(clock.instant().minus(NONCE_CLAIMS_KEPT));
    LOG.info(
        () ->
            "Retention: days "
                + dropped
                + " dropped, "
                + strays
                + " other visits and "
                + tracesDestroyed
                + " traces before "
                + cutoff
                + " destroyed");
    return new Purged(dropped, strays);
  }

  /** Makes the partitions of yesterday through {@link #DAYS_AHEAD} days ahead; the days made. */
  @Transactional
  public List<LocalDate> prepare(LocalDate today) {
    List<LocalDate> existing = visits.partitionDays();
    List<LocalDate> made = new ArrayList<>();
    for (LocalDate day = today.minusDays(1);
        !day.isAfter(today.plusDays(DAYS_AHEAD));
        day = day.plusDays(1)) {
      if (!existing.contains(day)) {
        if (visits.createPartition(day)) {
          made.add(day);
        } else {
          LocalDate d = day;
          LOG.warning(
              () -> "Visits of " + d + " are in the default partition; its own is not made");
        }
      }
    }
    return made;
  }

  /** The work of both jobs, when no node did it within {@code every}. */
  private void runQuietly(Duration every) {
    LocalDate today = clock.instant().atZone(Kst.ZONE).toLocalDate();
    try {
      jobs.runIfDue("visit-partitions", every, () -> self().prepare(today));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Making the visit partitions failed; the next run retries", e);
    }
    try {
      jobs.runIfDue("visit-retention", every, () -> self().purge(today));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Retention run failed; the next one retries", e);
    }
  }

  private VisitRetention self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(VisitRetention.class).get();
  }
}
