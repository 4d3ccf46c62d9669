package kr.vaccinepass.portal.visit.application;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
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
import kr.vaccinepass.portal.visit.domain.Visit;

/**
 * Group commit of QR check-ins: concurrent check-ins wait in a bounded queue; one writer thread
 * takes what has gathered (up to {@code portal.checkin.maxBatch}, default 500) and writes it in one
 * transaction with multi-row statements, and only then completes each check-in's future, so that an
 * acknowledged check-in is committed. A full queue ({@code portal.checkin.queueCapacity}, default
 * 2048) refuses at once with {@link Overloaded}: the caller answers 503 with Retry-After.
 *
 * <p>The futures are completed on a small answering pool, not on the writer: what follows a commit
 * (the HTTP answer) must not delay the next batch, and must not need a thread of the server's
 * shared executor, which callers waiting synchronously may all be holding.
 *
 * <p>While one batch is written the next gathers, so the batch grows with the load and a commit
 * (one fsync) serves many check-ins; at low load a check-in waits for nothing but its own write.
 */
@ApplicationScoped
public class VisitBatcher {
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
  private Thread thread;

  /** The queue is full: the check-in was not taken; try again shortly. */
  public static final class Overloaded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Overloaded() {
      super("the check-in queue is full", null, false, false);
    }
  }

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
  public CompletableFuture<Long> submit(Visit visit) {
    Pending p = new Pending(visit, new CompletableFuture<>());
    if (!queue.offer(p)) {
      throw new Overloaded();
    }
    return p.stored();
  }

  /** How many check-ins wait now, and how many may wait at most. */
  public int waiting() {
    return queue.size();
  }

  public int capacity() {
    return queue.size() + queue.remainingCapacity();
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

  private void loop() {
    List<Pending> batch = new ArrayList<>(maxBatch);
    while (running) {
      try {
        if (paused) {
          Thread.sleep(5);
          continue;
        }
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, maxBatch - 1);
        write(batch);
      } catch (InterruptedException e) {
        if (!running) {
          break;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "the visit writer failed; it goes on", e);
      } finally {
        batch.clear();
      }
    }
  }

  private void write(List<Pending> batch) {
    List<Long> ids;
    try {
      ids = writer.addAll(batch.stream().map(Pending::visit).toList());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a batch of " + batch.size() + " visits was not written", e);
      batch.forEach(p -> answering.execute(() -> p.stored().completeExceptionally(e)));
      return;
    }
    for (int i = 0; i < batch.size(); i++) {
      CompletableFuture<Long> stored = batch.get(i).stored();
      Long id = ids.get(i);
      answering.execute(() -> stored.complete(id));
    }
  }

  private void failAll(RuntimeException e) {
    Pending p;
    while ((p = queue.poll()) != null) {
      p.stored().completeExceptionally(e);
    }
  }
}
