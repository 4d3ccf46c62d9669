package kr.vaccinepass.portal.audit.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.audit.domain.AuditRepository;
import kr.vaccinepass.portal.shared.infrastructure.ClusterJobs;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;

/**
 * The trail's retention: an entry is kept {@link AuditRepository#RETENTION_DAYS} days after the
 * database took it (a year and a day, far beyond the 28 days of the visits it may describe), then
 * deleted by this daily job, once per cluster. The table refuses to delete any younger entry, and
 * the chain check starts from the oldest entry kept.
 */
@ApplicationScoped
public class AuditRetention {
  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  static final Duration EVERY = Duration.ofDays(1);

  @Inject AuditRepository repository;
  @Inject ClusterJobs jobs;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> job;

  void start(@Observes SchemaReady ready) {
    job = scheduler.scheduleWithFixedDelay(this::runQuietly, 2, 60, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  /** Deletes the entries past their retention; how many. */
  @Transactional
  public int prune() {
    return repository.pruneExpired();
  }

  private void runQuietly() {
    try {
      jobs.runIfDue(
          "audit-retention",
          EVERY,
          () -> {
            int pruned = self().prune();
            LOG.info(() -> "Audit retention: " + pruned + " entries past a year deleted");
          });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Audit retention failed; the next run retries", e);
    }
  }

  private AuditRetention self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(AuditRetention.class).get();
  }
}
