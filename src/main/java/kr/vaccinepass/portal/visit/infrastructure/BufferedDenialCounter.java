package kr.vaccinepass.portal.visit.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.visit.application.DenialCounter;
import kr.vaccinepass.portal.visit.application.VisitWriter;
import kr.vaccinepass.portal.visit.domain.CheckinCode;

/**
 * Counts refused check-ins per day, facility and code, in memory on the check-in path, and adds
 * them to {@code checkin_denial} every few seconds: statistics without any personal data, and no
 * write on the path of a refusal.
 */
@ApplicationScoped
class BufferedDenialCounter implements DenialCounter {
  private static final Logger LOG = Logger.getLogger(BufferedDenialCounter.class.getName());

  @Inject Clock clock;
  @Inject VisitWriter writer;
  @Resource ManagedScheduledExecutorService scheduler;

  private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
  private ScheduledFuture<?> flusher;

  record Key(LocalDate day, long facilityId, CheckinCode code) {}

  @PostConstruct
  void start() {
    flusher = scheduler.scheduleWithFixedDelay(this::flushQuietly, 5, 5, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (flusher != null) {
      flusher.cancel(false);
    }
    flushQuietly();
  }

  @Override
  public void count(long facilityId, CheckinCode code) {
    LocalDate day = clock.instant().atZone(Kst.ZONE).toLocalDate();
    pending.computeIfAbsent(new Key(day, facilityId, code), k -> new LongAdder()).increment();
  }

  /** Writes what was counted so far (tests call it to read the table at once). */
  @Override
  public void flush() {
    for (Key key : pending.keySet()) {
      LongAdder adder = pending.get(key);
      long n = adder == null ? 0 : adder.sumThenReset();
      if (n > 0) {
        try {
          writer.addDenials(key.day(), key.facilityId(), key.code().name(), n);
        } catch (RuntimeException e) {
          adder.add(n);
          throw e;
        }
      }
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Refusal counts not written yet; will retry", e);
    }
  }
}
