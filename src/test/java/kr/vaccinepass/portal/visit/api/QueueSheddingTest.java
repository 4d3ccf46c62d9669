package kr.vaccinepass.portal.visit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueueSheddingTest {
  private static final long MS = 1_000_000L;

  /**
   * Each check-in as "taken at ms : waited ms", in order, with "a" when no other check-in was in
   * progress as it was taken; the answers as R (refused) or A (admitted). Target 5 ms, cap 50 ms,
   * interval 100 ms.
   */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "no wait at all               | 0:0 10:0 150:0 260:0           | A A A A",
        "the cap, always              | 0:50 1:51 2:0 3:200            | A R A R",
        "a burst: the queue empties   | 0:30 10:0 20:40 120:30 130:45  | A A A A A",
        "overload: never empty        | 0:10 50:8 99:12 100:6 101:4    | A A A R A",
        "still overloaded next time   | 0:10 100:9 150:7 201:6         | A R R R",
        "it empties: overload ends    | 0:10 100:3 150:6 201:6         | A A R A",
        "long quiet: not overloaded   | 0:10 50:10 400:6 410:7         | A A A A",
        "first check-in, long wait    | 0:40                           | A",
        "alone: a cold start, no queue| 0:120a 1:0 2:51                | A A R",
        "alone while overloaded       | 0:10 100:9 150:70a 201:6       | A R A A",
      })
  void refusesWhatWaitedTooLongWhileTheQueueNeverEmpties(
      String scenario, String checkIns, String answers) {
    QueueShedding shedding = new QueueShedding(5 * MS, 50 * MS, 100 * MS);
    StringBuilder got = new StringBuilder();
    long base = -7_000 * MS; // nanoTime may be negative; only differences count
    for (String checkIn : checkIns.trim().split("\\s+")) {
      String[] parts = checkIn.split(":");
      long at = base + Long.parseLong(parts[0]) * MS;
      boolean alone = parts[1].endsWith("a");
      long waited = Long.parseLong(parts[1].replace("a", "")) * MS;
      got.append(got.length() == 0 ? "" : " ")
          .append(shedding.refuse(waited, at, alone) ? "R" : "A");
    }
    assertEquals(answers.trim(), got.toString(), scenario);
  }

  @ParameterizedTest(name = "target {0} ms, cap {1} ms")
  @CsvSource({"0, 50", "5, 0", "0, 0"})
  void aLimitOfZeroIsOff(long targetMs, long capMs) {
    QueueShedding shedding = new QueueShedding(targetMs * MS, capMs * MS, 100 * MS);
    // overloaded by every measure: every check-in waited 80 ms
    for (long t = 0; t <= 300; t += 10) {
      boolean refused = shedding.refuse(80 * MS, t * MS, false);
      boolean expected = capMs > 0 || (targetMs > 0 && t >= 100);
      assertEquals(expected, refused, "at " + t + " ms");
    }
  }
}
