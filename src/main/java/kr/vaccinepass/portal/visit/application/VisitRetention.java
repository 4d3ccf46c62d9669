package kr.vaccinepass.portal.visit.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.infrastructure.ClockProducer;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;
import kr.vaccinepass.portal.visit.domain.VisitRepository;

/**
 * Destroys visit records after four weeks: a visit of day D (KST) is kept through day D+28 and is
 * gone on day D+29. Runs a minute after start and then every hour, so a missed night is caught up.
 */
@ApplicationScoped
public class VisitRetention {
  private static final Logger LOG = Logger.getLogger(VisitRetention.class.getName());

  @Inject VisitRepository visits;
  @Inject Clock clock;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> job;

  void start(@Observes SchemaReady ready) {
    job = scheduler.scheduleWithFixedDelay(this::runQuietly, 1, 60, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  /** Destroys what is older than the retention on that day; the number of visits destroyed. */
  @Transactional
  public int purge(LocalDate today) {
    Instant cutoff =
        today
            .minusDays(VisitRecordService.RETENTION_DAYS)
            .atStartOfDay(ClockProducer.KST)
            .toInstant();
    int destroyed = visits.deleteBefore(cutoff);
    LOG.info(() -> "Retention: " + destroyed + " visits before " + cutoff + " destroyed");
    return destroyed;
  }

  private void runQuietly() {
    try {
      self().purge(clock.instant().atZone(ClockProducer.KST).toLocalDate());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Retention run failed; the next one retries", e);
    }
  }

  private VisitRetention self() {
    return jakarta.enterprise.inject.spi.CDI.current().select(VisitRetention.class).get();
  }
}
