package kr.vaccinepass.portal.visit.infrastructure;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;
import kr.vaccinepass.portal.visit.application.VisitQueue;
import kr.vaccinepass.portal.visit.application.VisitStoreUnavailable;
import kr.vaccinepass.portal.visit.application.VisitWriter;
import kr.vaccinepass.portal.visit.domain.Visit;

/**
 * Group commit of QR check-ins: concurrent check-ins wait in a bounded queue; one writer thread
 * takes what has gathered (up to {@code portal.checkin.maxBatch}, default 500) and writes it in one
 * transaction with multi-row statements, and only then completes each check-in's future, so that an
 * acknowledged check-in is committed. A full queue ({@code portal.checkin.queueCapacity}, default
 * 2048) refuses at once with {@link VisitQueue.Overloaded}: the caller answers 503 with
 * Retry-After.
 *
 * <p>The futures are completed on a small answering pool, not on the writer: what follows a commit
 * (the HTTP answer) must not delay the next batch, and must not need a thread of the server's
 * shared executor, which callers waiting synchronously may all be holding.
 *
 * <p>While one batch is written the next gathers, so the batch grows with the load and a commit
 * (one fsync) serves many check-ins; at low load a check-in waits for nothing but its own write.
 *
 * <p>The writer survives every failure, and every future of a batch is completed. While the
 * database cannot be reached the batch fails with {@link VisitStoreUnavailable} (the API answers
 * 503 with Retry-After), the writer pauses 50 to 250 ms between attempts, logs at SEVERE once (then
 * every 30 s) and reports it in {@link #health()}, for readiness and the administrators' dashboard.
 * A batch the database refuses for its content is written again in halves down to the single row,
 * so that only the rejected check-in fails.
 */
@ApplicationScoped
public class VisitBatcher implements VisitQueue {
  private static final Logger LOG = Logger.getLogger(VisitBatcher.class.getName());

  @Inject VisitWriter writer;
  @Resource ManagedThreadFactory threads;

  private final int maxBatch = PortalConfig.integer("portal.checkin.maxBatch", 500);
  private final BlockingQueue<Pending> queue =
      new ArrayBlockingQueue<>(PortalConfig.integer("portal.checkin.queueCapacity", 2048));

  private final ExecutorService answering =
      Executors.newFixedThreadPool(
          Math.max(2, Runtime.getRuntime().availableProcessors()),
          task -> {
            Thread t = threads.newThread(task);
            t.setName("visit-answer-" + t.getId());
            return t;
          });

  private volatile boolean running;
  private volatile boolean paused;
  private volatile Thread thread;

  /** The pause between attempts while the database is down: short, so recovery follows it. */
  private static final long BACKOFF_MIN_MILLIS = 50;

  private static final long BACKOFF_MAX_MILLIS = 250;
  private long backoffMillis = BACKOFF_MIN_MILLIS;

  /** Since when writes fail (null while they succeed), why, and whether the database was down. */
  private volatile Instant failingSince;

  private volatile String failure;
  private volatile boolean storeWasUnavailable;
  private Instant lastErrorLog;

  /** A check-in waiting for its batch; the future gives the visit's id, or null when not stored. */
  private record Pending(Visit visit, CompletableFuture<Long> stored) {}

  synchronized void start(@Observes SchemaReady ready) {
    if (thread == null) {
      running = true;
      thread = threads.newThread(this::loop);
      thread.setName("visit-batcher");
      thread.start();
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopWriter();
    failAll(new IllegalStateException("the portal is stopping"));
    answering.shutdown();
  }

  /**
   * Queues a QR visit for the next batch. The future completes once the batch is committed: with
   * the visit's id, or null when its nonce was claimed already (the caller then looks the earlier
   * visit up). Throws {@link Overloaded} at once when the queue is full.
   */
  @Override
  public CompletableFuture<Long> submit(Visit visit) {
    Pending p = new Pending(visit, new CompletableFuture<>());
    Thread t = thread;
    if (running && t != null && !t.isAlive()) {
      restartDead(t);
    }
    if (!queue.offer(p)) {
      throw new Overloaded();
    }
    return p.stored();
  }

  /** How many check-ins wait now, and how many may wait at most. */
  @Override
  public int waiting() {
    return queue.size();
  }

  @Override
  public int capacity() {
    return queue.size() + queue.remainingCapacity();
  }

  /** The writer thread ended although nothing stopped it: say so and start another. */
  private synchronized void restartDead(Thread dead) {
    if (running && thread == dead && !dead.isAlive()) {
      LOG.severe("the visit writer thread had ended; starting a new one");
      thread = null;
      start(null);
    }
  }

  /** Stops the writer thread and starts a new one (what a restart does to it); for tests. */
  public synchronized void restart() {
    stopWriter();
    start(null);
  }

  /** Ends the writer thread: interrupts it and waits up to 5 s for it to end. */
  private void stopWriter() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  /**
   * Holds or releases the writer (the queue keeps filling while held): for tests of a full queue
   * and of a writer restart.
   */
  public void hold(boolean held) {
    paused = held;
  }

  @Override
  public WriterHealth health() {
    Thread t = thread;
    Instant since = failingSince;
    return new WriterHealth(
        running && t != null && t.isAlive(), since == null, since, since == null ? null : failure);
  }

  private void loop() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (running) {
      try {
        if (paused) {
          Thread.sleep(5);
          continue;
        }
        Pending first =
            queue.poll(failingSince == null ? 200 : backoffMillis, TimeUnit.MILLISECONDS);
        if (first == null) {
          if (failingSince != null && storeWasUnavailable) {
            probe();
          }
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        if (!write(batch)) {
          // the database is down: wait a little before the next attempt, up to BACKOFF_MAX_MILLIS
          Thread.sleep(backoffMillis);
          backoffMillis = Math.min(BACKOFF_MAX_MILLIS, backoffMillis * 2);
        } else {
          backoffMillis = BACKOFF_MIN_MILLIS;
        }
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (Throwable e) {
        // nothing may end this thread but stop(): a dead writer leaves every later check-in waiting
        LOG.log(Level.SEVERE, "the visit writer failed; it goes on", e);
        failed(batch, e);
      } finally {
        batch.clear();
      }
    }
  }

  /**
   * Writes a batch in one transaction and completes each future. When the database refuses the
   * batch for its content (not for being unreachable), the batch is written again in halves, down
   * to single rows, so that every valid check-in is committed and only a rejected row fails. False
   * when the database could not be reached: every future of the batch then fails with {@link
   * VisitStoreUnavailable}.
   */
  private boolean write(List<Pending> batch) {
    List<Long> ids;
    try {
      ids = writer.addAll(batch.stream().map(Pending::visit).toList());
    } catch (Throwable e) {
      // Throwable: a commit that fails throws a checked RollbackException through the interceptor
      if (VisitStoreUnavailable.isConnectionFailure(e) || !reachable()) {
        storeFailed(e, true);
        VisitStoreUnavailable unavailable =
            new VisitStoreUnavailable("the database is unavailable; nothing was recorded", e);
        failed(batch, unavailable);
        return false;
      }
      if (batch.size() == 1) {
        LOG.log(Level.WARNING, "a visit was refused by the database; only its check-in fails", e);
        failed(batch, e);
        return true;
      }
      LOG.log(
          Level.WARNING,
          "a batch of " + batch.size() + " visits was refused; writing it in halves",
          e);
      int half = batch.size() / 2;
      List<Pending> rest = batch.subList(half, batch.size());
      if (!write(batch.subList(0, half))) {
        failed(rest, new VisitStoreUnavailable("the database became unavailable", e));
        return false;
      }
      return write(rest);
    }
    wrote(); // before the answers: whoever got a 201 finds the writer healthy
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<Long> stored = batch.get(i).stored();
      Long id = ids.get(i);
      answer(() -> stored.complete(id));
    }
    return true;
  }

  /** Completes every future of the batch with that failure (not those completed already). */
  private void failed(List<Pending> batch, Throwable e) {
    for (Pending p : batch) {
      if (!p.stored().isDone()) {
        answer(() -> p.stored().completeExceptionally(e));
      }
    }
  }

  /** On the answering pool; on this thread when the pool is gone (the portal stopping). */
  private void answer(Runnable completion) {
    try {
      answering.execute(completion);
    } catch (RuntimeException rejected) {
      completion.run();
    }
  }

  private boolean reachable() {
    try {
      return writer.reachable();
    } catch (Throwable e) {
      return false;
    }
  }

  /** While the database is down and nothing is queued: is it back? */
  private void probe() {
    if (reachable()) {
      wrote();
    }
  }

  private void storeFailed(Throwable e, boolean unavailable) {
    Instant now = Instant.now();
    storeWasUnavailable = unavailable;
    failure = rootMessage(e);
    if (failingSince == null) {
      failingSince = now;
      lastErrorLog = now;
      LOG.log(
          Level.SEVERE,
          "VISITS CANNOT BE WRITTEN: the database is unavailable; check-ins are refused (503) until"
              + " it is back",
          e);
    } else if (Duration.between(lastErrorLog, now).toSeconds() >= 30) {
      lastErrorLog = now;
      LOG.severe(
          "VISITS CANNOT BE WRITTEN since " + failingSince + " (" + failure + "); still trying");
    }
  }

  private void wrote() {
    Instant since = failingSince;
    if (since != null) {
      failingSince = null;
      failure = null;
      LOG.info(
          "visits are written again, after "
              + Duration.between(since, Instant.now()).toMillis()
              + " ms of failure");
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private void failAll(RuntimeException e) {
    Pending p;
    while ((p = queue.poll()) != null) {
      p.stored().completeExceptionally(e);
    }
  }
}
