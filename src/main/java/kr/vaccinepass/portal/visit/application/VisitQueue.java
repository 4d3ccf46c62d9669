package kr.vaccinepass.portal.visit.application;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import kr.vaccinepass.portal.visit.domain.Visit;

/**
 * Where QR check-ins wait to be written in batches (group commit): a check-in is acknowledged only
 * once its batch is committed. Implemented in visit.infrastructure by the writer thread and its
 * bounded queue ({@code VisitBatcher}).
 */
public interface VisitQueue {
  /** The queue is full: the check-in was not taken; try again shortly. */
  final class Overloaded extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Overloaded() {
      super("the check-in queue is full", null, false, false);
    }
  }

  /**
   * The writer's state, for readiness and the administrators' dashboard: whether its thread runs,
   * whether the last write (or, while nothing is queued, the last probe of the database) went well,
   * since when it has been failing and why.
   */
  record WriterHealth(
      boolean alive, boolean lastWriteOk, Instant failingSince, String lastFailure) {
    public boolean healthy() {
      return alive && lastWriteOk;
    }
  }

  /**
   * Queues a QR visit for the next batch. The future completes once the batch is committed: with
   * the visit's id, or null when its nonce was claimed already (the caller then looks the earlier
   * visit up). Throws {@link Overloaded} at once when the queue is full.
   */
  CompletableFuture<Long> submit(Visit visit);

  /** How many check-ins wait now. */
  int waiting();

  /** How many check-ins may wait at most. */
  int capacity();

  WriterHealth health();
}
