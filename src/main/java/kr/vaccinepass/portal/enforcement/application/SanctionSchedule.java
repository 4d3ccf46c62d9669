package kr.vaccinepass.portal.enforcement.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import kr.vaccinepass.portal.enforcement.domain.SanctionDecision;
import kr.vaccinepass.portal.enforcement.domain.SanctionRepository;
import kr.vaccinepass.portal.facility.application.FacilityStatusUpdater;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.grace.domain.SanctionKind;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.infrastructure.ClusterJobs;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;

/**
 * Keeps facilities' status in step with the decided sanctions: suspended from a suspension's first
 * day through its last, active again the day after, closed for good from a closure order. Runs a
 * minute after start and then every hour (idempotent), and at once for a new decision; in a
 * cluster, once an hour on one node ({@link ClusterJobs}: every node asks each minute).
 */
@ApplicationScoped
public class SanctionSchedule {
  private static final Logger LOG = Logger.getLogger(SanctionSchedule.class.getName());

  @Inject SanctionRepository sanctions;
  @Inject FacilityStatusUpdater facilities;
  @Inject Clock clock;
  @Inject ClusterJobs jobs;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> job;

  void start(@Observes SchemaReady ready) {
    // every node asks each minute; the work runs once an hour in the cluster
    job = scheduler.scheduleWithFixedDelay(this::runQuietly, 1, 1, TimeUnit.MINUTES);
  }

  @PreDestroy
  void stop() {
    if (job != null) {
      job.cancel(false);
    }
  }

  /** Applies every relevant decision on that day; the number of facilities looked at. */
  @Transactional
  public int applyAll(LocalDate day) {
    Map<Long, List<SanctionDecision>> byFacility =
        sanctions.relevantOn(day).stream()
            .collect(Collectors.groupingBy(SanctionDecision::getFacilityId));
    byFacility.keySet().forEach(id -> applyTo(id, day));
    return byFacility.size();
  }

  /** The facility's status on that day from all its decisions. */
  @Transactional
  public FacilityStatus applyTo(long facilityId, LocalDate day) {
    List<SanctionDecision> decisions = sanctions.ofFacility(facilityId);
    boolean closed =
        decisions.stream().anyMatch(d -> d.getKind() == SanctionKind.CLOSURE && d.inForceOn(day));
    boolean suspended =
        decisions.stream()
            .anyMatch(d -> d.getKind() == SanctionKind.SUSPENSION && d.inForceOn(day));
    return facilities.apply(facilityId, closed, suspended);
  }

  private void runQuietly() {
    try {
      SanctionSchedule self =
          jakarta.enterprise.inject.spi.CDI.current().select(SanctionSchedule.class).get();
      jobs.runIfDue(
          "sanctions",
          Duration.ofHours(1),
          () -> self.applyAll(clock.instant().atZone(Kst.ZONE).toLocalDate()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sanctions not applied; the next run retries", e);
    }
  }
}
