package kr.vaccinepass.portal.visit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.ResourceBundle;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.PairedDoor;
import kr.vaccinepass.portal.visit.domain.DeviceKey;
import kr.vaccinepass.portal.visit.domain.DoorMode;
import kr.vaccinepass.portal.visit.domain.DoorReport;
import kr.vaccinepass.portal.visit.domain.DoorState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How a door's state reads on the owner's devices page (DoorTexts), in both languages. */
class DoorTextsTest {
  private static final Instant NOW = Instant.parse("2021-12-13T02:45:00Z");
  private static final Duration FRESHNESS = Duration.ofHours(48);

  private static DoorTexts texts(Locale locale) {
    DoorTexts texts = new DoorTexts();
    texts.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    // the bundle as the portal's Messages reads it, without a JSF context
    texts.messages =
        new Messages() {
          @Override
          public String text(String key, Object... args) {
            return new MessageFormat(
                    ResourceBundle.getBundle(Messages.BUNDLE, locale).getString(key), locale)
                .format(args);
          }
        };
    return texts;
  }

  @ParameterizedTest(name = "{0} s → {1} / {2}")
  @CsvSource({
    "-5,      방금,     just now",
    "0,       방금,     just now",
    "59,      방금,     just now",
    "60,      1분 전,   1 min ago",
    "3599,    59분 전,  59 min ago",
    "3600,    1시간 전, 1 h ago",
    "172799,  47시간 전, 47 h ago",
    "172800,  2일 전,   2 days ago",
    "2592000, 30일 전,  30 days ago",
  })
  void anAgeAsAPersonSaysIt(long seconds, String ko, String en) {
    assertEquals(ko, texts(Locale.KOREAN).ago(Duration.ofSeconds(seconds)));
    assertEquals(en, texts(Locale.ENGLISH).ago(Duration.ofSeconds(seconds)));
  }

  @ParameterizedTest(name = "seen {0} s ago in {1}, snapshot {2} s old → {3} | {4} | {5} | {6}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // seen ago (s) | mode | snapshot age (s) | last seen | state | tone | snapshot
        "10     | ONLINE     | 3600   | 방금     | 온라인             | ok   | 1시간 전 발급 · 유효",
        "60     | DEGRADED   | 7200   | 1분 전   | 지연(서버 응답 없음) | warn | 2시간 전 발급 · 유효",
        "119    | OFFLINE    | 172800 | 1분 전   | 오프라인           | warn | 2일 전 발급 · 유효",
        "30     | DOOR_FIRST | -      | 방금     | 도어 우선          | ok   | 없음",
        // the snapshot past the 48-hour limit: the door answers no green
        "30     | ONLINE     | 172801 | 방금     | 온라인             | ok   | 2일 전 발급 · 만료(다시 연결해야 함)",
        // not heard from within 2 minutes: 연결 끊김, whatever it said last
        "121    | ONLINE     | 3600   | 2분 전   | 연결 끊김          | bad  | 1시간 전 발급 · 유효",
        "7200   | DOOR_FIRST | 3600   | 2시간 전 | 연결 끊김          | bad  | 1시간 전 발급 · 유효",
        // a day without a report: idle
        "86401  | ONLINE     | 90000  | 24시간 전 | 사용 안 함(24시간 넘게 보고 없음) | none | 25시간 전 발급 · 유효",
      })
  void aReportingDoorsStateInWords(
      long seenAgo,
      DoorMode mode,
      Long snapshotAge,
      String lastSeen,
      String state,
      String tone,
      String snapshot) {
    PairedDoor door = door(seenAgo, mode, snapshotAge);
    DoorTexts ko = texts(Locale.KOREAN);

    assertEquals(lastSeen, ko.lastSeen(door));
    assertEquals(state, ko.state(door));
    assertEquals(tone, ko.tone(door));
    assertEquals(snapshot, ko.snapshot(door));
    assertEquals("7건", ko.queued(door));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "ONLINE     | Online",
        "DEGRADED   | Delayed (server not answering)",
        "OFFLINE    | Offline",
        "DOOR_FIRST | Door-first",
      })
  void everyModeHasItsWordsInEnglish(DoorMode mode, String words) {
    DoorTexts en = texts(Locale.ENGLISH);
    PairedDoor door = door(0, mode, 60L);

    assertEquals(words, en.state(door));
    assertEquals("7 queued", en.queued(door));
    assertEquals("issued 1 min ago · valid", en.snapshot(door));
  }

  @org.junit.jupiter.api.Test
  void aKeyWhoseDoorNeverReportedSaysSo() {
    PairedDoor never =
        new PairedDoor(
            key(), null, DoorState.Presence.IDLE, null, DoorState.SnapshotFreshness.NONE, null);
    DoorTexts ko = texts(Locale.KOREAN);

    assertEquals("보고 없음", ko.lastSeen(never));
    assertEquals("보고 없음", ko.state(never));
    assertEquals("none", ko.tone(never));
    assertEquals("", ko.queued(never));
    assertEquals("없음", ko.snapshot(never));
    assertEquals("No report yet", texts(Locale.ENGLISH).state(never));
  }

  /** The door as VisitRecordService.doors reads it: the domain decides, DoorTexts words it. */
  private static PairedDoor door(long seenAgo, DoorMode mode, Long snapshotAge) {
    Instant issued = snapshotAge == null ? null : NOW.minusSeconds(snapshotAge);
    DoorState state =
        new DoorState(1L, NOW.minusSeconds(seenAgo), new DoorReport(mode, 7, null, issued, null));
    return new PairedDoor(
        key(),
        state,
        state.presenceAt(NOW),
        state.modeAt(NOW),
        state.snapshotAt(NOW, FRESHNESS),
        state.snapshotAge(NOW).orElse(null));
  }

  private static DeviceKey key() {
    return DeviceKey.issue(1L, "출입문 앱", 1L, NOW).key();
  }
}
