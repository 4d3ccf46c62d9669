package kr.vaccinepass.portal.visit.api;

import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;

/**
 * The check-in API's two guards against a flood, both answered with 503 at once:
 *
 * <ul>
 *   <li><b>Waited too long.</b> The time a check-in waited in the server's queue, from its arrival
 *       until a request thread took it ({@link QueueClock}), decides by {@link QueueShedding}:
 *       while the queue never empties, what waited more than {@code
 *       portal.checkin.queueTargetMillis} (default 5) is refused without verifying its token, and
 *       always what waited more than {@code portal.checkin.maxQueueMillis} (default 50). When the
 *       check-ins come faster than the CPU can verify them, the queue grows; refusing what is
 *       already late keeps the work for fresh requests, and keeps the wait of every answer, 201 or
 *       503, short instead of growing to seconds. The time is Undertow's request start (the
 *       listener's {@code record-request-start-time}, set by wildfly-config/configure-server.cli);
 *       without it this guard is off. A check-in taken while no other API request was in progress
 *       waited behind nothing (a cold node's first request, a pause): it is never refused for it.
 *   <li><b>Too many at once</b> (bulkhead). At most {@code portal.checkin.maxInFlight} (default 24)
 *       device check-ins are being checked at once, so that the flood cannot take every request
 *       thread of the server (32 on 2 cores) and the portal's pages still open during the surge.
 * </ul>
 *
 * <p>Only a check-in whose device key is known reaches the gate: the resource checks the key first
 * (from memory; an unknown key is remembered as unknown by DeviceKeys), so a flood of made-up keys
 * takes no place here and costs no database lookups.
 */
@ApplicationScoped
public class CheckinGate {
  private final Semaphore permits =
      new Semaphore(PortalConfig.integer("portal.checkin.maxInFlight", 24));
  private final QueueShedding shedding =
      new QueueShedding(
          PortalConfig.integer("portal.checkin.queueTargetMillis", 5) * 1_000_000L,
          PortalConfig.integer("portal.checkin.maxQueueMillis", 50) * 1_000_000L,
          100_000_000L);

  /** Takes a place if the request has not waited too long and a place is free, without waiting. */
  public boolean enter() {
    return !waitedTooLong() && permits.tryAcquire();
  }

  public void leave() {
    permits.release();
  }

  private boolean waitedTooLong() {
    ServletRequestContext current = ServletRequestContext.current();
    if (current == null) {
      return false;
    }
    long arrived = current.getExchange().getRequestStartTime();
    Object taken = current.getServletRequest().getAttribute(TAKEN_AT);
    Object others = current.getServletRequest().getAttribute(OTHERS);
    return arrived != -1
        && taken instanceof Long takenAt
        && shedding.refuse(takenAt - arrived, takenAt, others instanceof Integer n && n <= 0);
  }

  /**
   * The API requests a thread has taken and that are still unanswered (waiting for a commit too).
   */
  private final AtomicInteger inProgress = new AtomicInteger();

  /** A request thread took an API request: how many others were in progress then. */
  int taken() {
    return inProgress.getAndIncrement();
  }

  /** An API request was answered. */
  void answered() {
    inProgress.updateAndGet(n -> Math.max(0, n - 1));
  }

  /**
   * The request attribute with the {@link System#nanoTime()} at which a thread took the request.
   */
  static final String TAKEN_AT = CheckinGate.class.getName() + ".takenAt";

  /** The request attribute with how many other API requests were in progress when it was taken. */
  static final String OTHERS = CheckinGate.class.getName() + ".others";

  /**
   * Notes when a request thread takes an API request, before security, JAX-RS and JSON: the wait in
   * the server's queue is from the request's arrival until then, and what a cold first request
   * spends after it (class loading, JSON-B's start) is not counted as waiting. It also counts the
   * API requests in progress: a request taken while none other was did not wait behind a queue.
   */
  @WebListener
  public static class QueueClock implements ServletRequestListener {
    @Inject CheckinGate gate;

    @Override
    public void requestInitialized(ServletRequestEvent event) {
      if (api(event)) {
        event.getServletRequest().setAttribute(TAKEN_AT, System.nanoTime());
        event.getServletRequest().setAttribute(OTHERS, gate.taken());
      }
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
      if (api(event) && event.getServletRequest().getAttribute(OTHERS) != null) {
        gate.answered();
      }
    }

    private static boolean api(ServletRequestEvent event) {
      return event.getServletRequest() instanceof HttpServletRequest http
          && http.getRequestURI().startsWith("/api/");
    }
  }
}
