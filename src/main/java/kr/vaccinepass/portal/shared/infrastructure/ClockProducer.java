package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.domain.Kst;

/**
 * The one clock of the portal, in Korean time; rules take it so tests can stand on any day.
 *
 * <p>The pass ended on 2022-03-01, so a demo or a rehearsal runs on a shifted clock: {@code
 * portal.clock.start} (an ISO date-time with offset, e.g. {@code 2022-01-12T11:40:00+09:00}) makes
 * the portal's "now" begin there when the server starts and then tick in real time. The nodes of a
 * cluster start at different moments, so the cluster command gives them all one {@code
 * portal.clock.anchor} (an ISO instant: the real moment at which the shifted clock reads the
 * start), and their clocks agree.
 */
@ApplicationScoped
public class ClockProducer {
  private static final Logger LOG = Logger.getLogger(ClockProducer.class.getName());

  @Produces
  @ApplicationScoped
  Clock clock() {
    return PortalConfig.get("portal.clock.start")
        .map(start -> shifted(start, PortalConfig.get("portal.clock.anchor").orElse(null)))
        .orElseGet(() -> Clock.system(Kst.ZONE));
  }

  /**
   * A clock that reads {@code start} at the real instant {@code anchor} (when null: when this
   * server's JVM started) and ticks in real time from there.
   */
  static Clock shifted(String start, String anchor) {
    Instant begin = OffsetDateTime.parse(start).toInstant();
    // by default from the start of the server's JVM, not of this deployment: a redeployment (each
    // test class of the integration tests) goes on from where the portal's clock stood
    Instant serverStart =
        anchor != null
            ? Instant.parse(anchor)
            : Instant.ofEpochMilli(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
    Duration offset = Duration.between(serverStart, begin);
    LOG.warning(() -> "The portal runs on a shifted clock starting at " + start);
    return Clock.offset(Clock.system(Kst.ZONE), offset);
  }
}
