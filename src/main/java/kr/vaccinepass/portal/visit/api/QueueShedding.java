package kr.vaccinepass.portal.visit.api;

/**
 * Which check-ins to refuse for the time they waited in the server's queue, in the manner of CoDel
 * (controlled delay): a queue that empties now and then is a burst and is left alone; a queue that
 * never empties is overload, and then whatever waited longer than a short target is refused at
 * once, which drains the queue and keeps every answer quick.
 *
 * <ul>
 *   <li>Time is cut into intervals ({@code intervalNanos}, 100 ms). The portal is <em>overloaded
 *       </em> during an interval when, in the interval before it, even the check-in that waited
 *       least waited longer than {@code targetNanos} (5 ms).
 *   <li>While overloaded, a check-in that waited longer than the target is refused.
 *   <li>Always, a check-in that waited longer than {@code capNanos} (50 ms) is refused.
 *   <li>Except a check-in taken while no other was in progress: nothing was ahead of it, so what it
 *       waited was not a queue (a cold start, a pause of the JVM) and refusing it would drain
 *       nothing. It counts as no wait at all.
 * </ul>
 *
 * Thread-safe; the times are {@link System#nanoTime()} values.
 */
final class QueueShedding {
  private final long targetNanos;
  private final long capNanos;
  private final long intervalNanos;

  private boolean started;
  private long intervalEnd;
  private long leastWait = Long.MAX_VALUE;
  private boolean overloaded;

  QueueShedding(long targetNanos, long capNanos, long intervalNanos) {
    this.targetNanos = targetNanos;
    this.capNanos = capNanos;
    this.intervalNanos = intervalNanos;
  }

  /**
   * Whether a check-in that waited {@code waitedNanos}, and is taken at {@code nowNanos}, is
   * refused; {@code alone} when no other check-in was in progress as it was taken.
   */
  synchronized boolean refuse(long waitedNanos, long nowNanos, boolean alone) {
    if (alone) {
      waitedNanos = 0;
    }
    if (!started) {
      started = true;
      intervalEnd = nowNanos + intervalNanos;
    } else if (nowNanos - intervalEnd >= 0) {
      // a whole interval without a check-in says nothing of a queue: not overloaded
      boolean skipped = nowNanos - intervalEnd >= intervalNanos;
      overloaded = !skipped && leastWait > targetNanos;
      leastWait = Long.MAX_VALUE;
      intervalEnd = nowNanos + intervalNanos;
    }
    leastWait = Math.min(leastWait, waitedNanos);
    if (capNanos > 0 && waitedNanos > capNanos) {
      return true;
    }
    return overloaded && targetNanos > 0 && waitedNanos > targetNanos;
  }

  /** Whether the last full interval found the queue never empty (for the tests). */
  synchronized boolean overloaded() {
    return overloaded;
  }
}
