package kr.vaccinepass.portal.shared.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.ZoneId;

/** The one clock of the portal, in Korean time; rules take it so tests can stand on any day. */
@ApplicationScoped
public class ClockProducer {
  public static final ZoneId KST = ZoneId.of("Asia/Seoul");

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.system(KST);
  }
}
