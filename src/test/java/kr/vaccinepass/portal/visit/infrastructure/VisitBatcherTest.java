package kr.vaccinepass.portal.visit.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.visit.application.VisitStoreUnavailable;
import kr.vaccinepass.portal.visit.application.VisitWriter;
import kr.vaccinepass.portal.visit.domain.Visit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The group-commit writer against a writer that fails in each of the ways a database does. */
class VisitBatcherTest {
  private final AtomicLong ids = new AtomicLong();
  private VisitBatcher batcher;

  /** A VisitWriter whose batches go through the given function (which may throw anything). */
  private static final class FakeWriter extends VisitWriter {
    volatile Function<List<Visit>, List<Long>> behaviour;
    volatile boolean reachable = true;
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public List<Long> addAll(List<Visit> batch) {
      calls.incrementAndGet();
      return behaviour.apply(batch);
    }

    @Override
    public boolean reachable() {
      return reachable;
    }
  }

  private final FakeWriter writer = new FakeWriter();

  private VisitBatcher started() {
    batcher = new VisitBatcher();
    batcher.writer = writer;
    batcher.threads =
        new ManagedThreadFactory() {
          @Override
          public Thread newThread(Runnable r) {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
          }

          @Override
          public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            // the batcher makes plain threads only: a fork-join pool here is a test's mistake
            throw new AssertionError("the batcher asked for a fork-join thread");
          }
        };
    batcher.start(null);
    return batcher;
  }

  @AfterEach
  void stop() {
    if (batcher != null) {
      batcher.stop();
    }
  }

  private List<Long> stored(List<Visit> batch) {
    // one transaction: all of the batch or nothing
    if (batch.stream().anyMatch(v -> v.getTokenNonce().contains("\0"))) {
      throw new IllegalStateException(
          "the batch of visits could not be written",
          new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
    }
    List<Long> answer = new ArrayList<>();
    batch.forEach(v -> answer.add(ids.incrementAndGet()));
    return answer;
  }

  @Test
  void aCheckedExceptionOfTheCommitDoesNotEndTheWriter() throws Exception {
    writer.behaviour =
        batch -> {
          writer.behaviour = this::stored;
          // what the @Transactional interceptor lets through when the commit fails
          throw VisitBatcherTest.<RuntimeException>sneaky(
              new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit"));
        };
    writer.reachable = false;
    started();
    ExecutionException failed =
        assertThrows(ExecutionException.class, () -> batcher.submit(visit("a")).get(5, SECONDS));
    assertInstanceOf(VisitStoreUnavailable.class, failed.getCause());
    assertFalse(batcher.health().lastWriteOk(), "the failure shows in the health");

    writer.reachable = true;
    assertNotNull(batcher.submit(visit("b")).get(5, SECONDS), "the writer goes on");
    assertTrue(batcher.health().healthy(), "" + batcher.health());
  }

  @Test
  void anErrorDoesNotEndTheWriterEither() throws Exception {
    writer.behaviour =
        batch -> {
          writer.behaviour = this::stored;
          throw new AssertionError("an Error from somewhere");
        };
    started();
    assertThrows(ExecutionException.class, () -> batcher.submit(visit("a")).get(5, SECONDS));
    assertNotNull(batcher.submit(visit("b")).get(5, SECONDS));
    assertTrue(batcher.health().alive());
  }

  @Test
  void whileTheDatabaseIsDownEveryCheckInFailsAtOnceAsUnavailableAndTheWriterRecovers()
      throws Exception {
    writer.behaviour =
        batch -> {
          throw new IllegalStateException(
              "no connection", new SQLException("Connection to localhost:5432 refused.", "08001"));
        };
    started();
    List<CompletableFuture<Long>> during = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      during.add(batcher.submit(visit("down-" + i)));
    }
    for (CompletableFuture<Long> f : during) {
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, SECONDS));
      assertInstanceOf(VisitStoreUnavailable.class, e.getCause());
    }
    assertFalse(batcher.health().healthy());

    writer.behaviour = this::stored;
    long back = System.nanoTime();
    assertNotNull(batcher.submit(visit("back")).get(5, SECONDS));
    long ms = (System.nanoTime() - back) / 1_000_000;
    assertTrue(ms < 1_000, "written within the back-off after the database is back: " + ms);
    assertTrue(batcher.health().healthy());
  }

  @Test
  void aRejectedRowFailsAloneAndTheOthersOfItsBatchAreStored() throws Exception {
    writer.behaviour = this::stored;
    started();
    batcher.hold(true);
    List<CompletableFuture<Long>> good = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      good.add(batcher.submit(visit("good-" + i)));
    }
    CompletableFuture<Long> bad = batcher.submit(visit("bad\0"));
    for (int i = 30; i < 61; i++) {
      good.add(batcher.submit(visit("good-" + i)));
    }
    batcher.hold(false);
    for (CompletableFuture<Long> f : good) {
      assertNotNull(f.get(5, SECONDS));
    }
    ExecutionException e = assertThrows(ExecutionException.class, () -> bad.get(5, SECONDS));
    assertFalse(e.getCause() instanceof VisitStoreUnavailable, "" + e.getCause());
    assertEquals(61, ids.get(), "every valid one stored once");
    assertTrue(batcher.health().healthy(), "a bad row is not a failing store");
  }

  @Test
  void aDeadWriterThreadIsReplacedOnTheNextCheckIn() throws Exception {
    writer.behaviour = this::stored;
    started();
    // the writer's thread as it would be had it ended: one that has run and finished
    Thread ended = new Thread(() -> {});
    ended.start();
    ended.join();
    var field = VisitBatcher.class.getDeclaredField("thread");
    field.setAccessible(true);
    Thread original = (Thread) field.get(batcher);
    field.set(batcher, ended);
    assertFalse(batcher.health().alive(), "readiness would say so");
    try {
      assertNotNull(batcher.submit(visit("x")).get(5, SECONDS));
      assertTrue(batcher.health().alive(), "a new writer runs");
    } finally {
      original.interrupt();
    }
  }

  private static Visit visit(String nonce) {
    return Visit.checkedIn(
        1L,
        Instant.now(),
        PassDecision.of(PassReason.BOOSTED),
        "COOV",
        "holder",
        nonce,
        "0".repeat(64),
        null);
  }

  private static final TimeUnit SECONDS = TimeUnit.SECONDS;

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
