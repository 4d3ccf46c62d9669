package kr.vaccinepass.portal.enforcement.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.grace.application.GraceRunRequested;
import kr.vaccinepass.portal.grace.domain.GraceStatus;
import kr.vaccinepass.portal.shared.infrastructure.ClusterJobs;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;

/**
 * Carries out a grace declaration's batch work on the server's managed threads: applying (waive and
 * link every covered case, {@value #BATCH} at a time) or revoking (unlink and restore). It starts
 * once the declaring or revoking transaction has committed, and on start-up for any declaration
 * left applying or revoking (a restart in the middle). Safe to run again or twice at once: each
 * batch takes the declaration's lock and picks only the cases not done yet. In a cluster, one node
 * looks for unsettled declarations every {@link #RESUME_EVERY} ({@link ClusterJobs}), so a run
 * whose node died goes on at another node without waiting for a restart.
 */
@ApplicationScoped
public class GraceRunner {
  /** Cases per transaction. */
  public static final int BATCH = 500;

  /** How often, in the cluster, one node resumes declarations left applying or revoking. */
  static final Duration RESUME_EVERY = Duration.ofMinutes(2);

  private static final int ATTEMPTS = 3;
  private static final Logger LOG = Logger.getLogger(GraceRunner.class.getName());

  @Inject GraceBatches batches;
  @Inject ClusterJobs jobs;
  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  private ScheduledFuture<?> resumer;

  /**
   * The declarations whose run was handed to the executor and has not ended (this server only),
   * each with whether another run was asked for meanwhile (it follows at once).
   */
  private final ConcurrentHashMap<Long, Boolean> runs = new ConcurrentHashMap<>();

  private volatile boolean stopping;

  void resume(@Observes SchemaReady ready) {
    resumeUnsettled();
    resumer = scheduler.scheduleWithFixedDelay(this::resumeInCluster, 1, 1, TimeUnit.MINUTES);
  }

  private void resumeInCluster() {
    try {
      jobs.runIfDue("grace-resume", RESUME_EVERY, this::resumeUnsettled);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "Unsettled grace declarations not looked for; the next run retries", e);
    }
  }

  /**
   * Submits the run of every declaration left applying or revoking (by a restart in the middle, or
   * a run that failed); what its batches finished stays done.
   *
   * @return how many declarations were submitted
   */
  public int resumeUnsettled() {
    List<Long> unsettled = batches.unsettled();
    unsettled.forEach(this::submit);
    return unsettled.size();
  }

  void requested(@Observes(during = TransactionPhase.AFTER_SUCCESS) GraceRunRequested request) {
    submit(request.declarationId());
  }

  @PreDestroy
  void stop() {
    stopping = true;
    if (resumer != null) {
      resumer.cancel(false);
    }
  }

  /**
   * Runs the declaration's work on a managed thread; when a run of it is under way here already,
   * one more follows that run (so a revocation asked for as an apply run ends is not lost).
   */
  public void submit(long declarationId) {
    boolean start = runs.compute(declarationId, (id, again) -> again != null) == Boolean.FALSE;
    if (start) {
      launch(declarationId);
    }
  }

  private void launch(long declarationId) {
    try {
      executor.execute(
          () -> {
            try {
              run(declarationId);
            } catch (RuntimeException e) {
              LOG.log(
                  Level.SEVERE,
                  "Grace declaration "
                      + declarationId
                      + ": the run stopped; it resumes on the next start or retry",
                  e);
            } finally {
              boolean again =
                  runs.compute(
                          declarationId, (id, more) -> Boolean.TRUE.equals(more) ? false : null)
                      != null;
              if (again && !stopping) {
                launch(declarationId);
              } else if (again) {
                runs.remove(declarationId);
              }
            }
          });
    } catch (RuntimeException e) {
      runs.remove(declarationId);
      throw e;
    }
  }

  /**
   * Runs the declaration's pending work here and now, batch after batch, until none is left, and
   * settles it: applying becomes applied, revoking becomes revoked. On an applied declaration it
   * catches up with covered cases it does not hold (normally none: a no-op).
   *
   * @return the number of cases handled
   */
  public long run(long declarationId) {
    Optional<GraceStatus> status = batches.start(declarationId);
    if (status.isEmpty() || status.get() == GraceStatus.REVOKED) {
      return 0;
    }
    boolean revoking = status.get() == GraceStatus.REVOKING;
    long done = 0;
    int handled;
    do {
      if (stopping) {
        LOG.info(() -> "Grace declaration " + declarationId + ": stopped with the server");
        return done;
      }
      handled = batch(declarationId, revoking);
      done += handled;
    } while (handled > 0);
    GraceStatus end = batches.finish(declarationId).orElse(null);
    if (!revoking && end == GraceStatus.REVOKING) {
      // revoked while applying: undo what was applied
      done += run(declarationId);
    }
    long total = done;
    LOG.info(() -> "Grace declaration " + declarationId + ": " + total + " cases, now " + end);
    return done;
  }

  /** One batch, tried again after a conflict (an inspector changing one of its cases meanwhile). */
  private int batch(long declarationId, boolean revoking) {
    for (int attempt = 1; ; attempt++) {
      try {
        return revoking
            ? batches.revokeBatch(declarationId, BATCH)
            : batches.applyBatch(declarationId, BATCH);
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        LOG.log(
            Level.WARNING,
            "Grace declaration " + declarationId + ": batch failed, trying again",
            e);
      }
    }
  }
}
