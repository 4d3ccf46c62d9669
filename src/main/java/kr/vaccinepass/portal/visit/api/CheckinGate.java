package kr.vaccinepass.portal.visit.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;

/**
 * A bulkhead for the check-in API: at most {@code portal.checkin.maxInFlight} (default 24) device
 * check-ins are worked on at once; beyond that the API answers 503 at once, so that a flood of
 * check-ins cannot take every request thread of the server (32 on 2 cores) and the portal's pages
 * still open during the surge.
 */
@ApplicationScoped
public class CheckinGate {
  private final Semaphore permits =
      new Semaphore(PortalConfig.integer("portal.checkin.maxInFlight", 24));

  /** Takes a place if one is free, without waiting. */
  public boolean enter() {
    return permits.tryAcquire();
  }

  public void leave() {
    permits.release();
  }
}
