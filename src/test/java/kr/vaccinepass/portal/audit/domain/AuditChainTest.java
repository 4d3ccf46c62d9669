package kr.vaccinepass.portal.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import kr.vaccinepass.portal.shared.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The hash chain of the audit trail: what an alteration or a removal looks like to the check. */
class AuditChainTest {
  private static final Instant AT = Instant.parse("2021-12-13T03:00:00.123456789Z");
  private static final AuditActor OWNER = new AuditActor(7L, Role.OWNER, null, "203.0.113.9");
  private static final AuditActor INSPECTOR =
      new AuditActor(9L, Role.INSPECTOR, "11110", "198.51.100.4");

  private static List<AuditEntry> chain(int n) {
    List<AuditEntry> entries = new ArrayList<>();
    long seq = 0;
    String hash = AuditChain.GENESIS;
    for (int i = 0; i < n; i++) {
      AuditEntry e =
          AuditEntry.after(
              seq,
              hash,
              AT.plusSeconds(i),
              i % 2 == 0 ? OWNER : INSPECTOR,
              i % 2 == 0
                  ? AuditFact.read(
                      AuditKind.VISITS_VIEWED, 40L + i, 40L + i, PersonalField.VISITOR_NAME_MASKED)
                  : AuditFact.change(AuditKind.FINE_STEP, 100 + i, 40L).withDetail("IMPOSITION"));
      entries.add(e);
      seq = e.getSeq();
      hash = e.getHash();
    }
    return entries;
  }

  private static AuditChain.Verdict check(List<AuditEntry> entries) {
    AuditChain.Checker checker = new AuditChain.Checker();
    entries.forEach(checker::accept);
    return checker.verdict();
  }

  @Test
  void anUntouchedChainIsIntactAndEndsAtItsLastEntry() {
    List<AuditEntry> entries = chain(5);

    AuditChain.Verdict verdict = check(entries);

    assertTrue(verdict.intact());
    assertEquals(5, verdict.checked());
    assertEquals(5L, verdict.lastSeq());
    assertEquals(entries.get(4).getHash(), verdict.lastHash());
    assertEquals(AuditChain.GENESIS, entries.get(0).getPrevHash());
    assertEquals(entries.get(0).getHash(), entries.get(1).getPrevHash());
  }

  @Test
  void theTimeIsKeptToTheMicrosecondAsPostgresKeepsIt() {
    AuditEntry e = chain(1).get(0);
    assertEquals(Instant.parse("2021-12-13T03:00:00.123456Z"), e.getAt());
    assertEquals(e.getHash(), AuditChain.hashOf(e), "the stored row gives the same hash");
  }

  static Stream<Arguments> alterations() {
    return Stream.of(
        Arguments.of("reason", "정정"),
        Arguments.of("actorId", 8L),
        Arguments.of("actorRole", Role.ADMIN),
        Arguments.of("authority", "26110"),
        Arguments.of("address", "192.0.2.1"),
        Arguments.of("kind", AuditKind.VISITS_EXPORTED),
        Arguments.of("objectId", "41"),
        Arguments.of("facilityId", 99L),
        Arguments.of("fieldNames", "VISITOR_NAME"),
        Arguments.of("detail", "CANCELLATION"),
        Arguments.of("at", AT.plusSeconds(3600)));
  }

  @ParameterizedTest(name = "altering {0} breaks the chain at that entry")
  @MethodSource("alterations")
  void anAlteredFieldBreaksTheChainAtItsEntry(String field, Object value) throws Exception {
    List<AuditEntry> entries = chain(5);
    set(entries.get(2), field, value);

    AuditChain.Verdict verdict = check(entries);

    assertFalse(verdict.intact());
    assertEquals(3L, verdict.brokenAt());
    assertEquals(AuditChain.Break.ALTERED, verdict.broken());
  }

  @Test
  void anEntryWhoseHashIsRecomputedAfterAnAlterationStillBreaksTheChainAtTheNext()
      throws Exception {
    List<AuditEntry> entries = chain(5);
    AuditEntry altered = entries.get(2);
    set(altered, "reason", "다른 사유");
    set(altered, "hash", AuditChain.hashOf(altered));

    AuditChain.Verdict verdict = check(entries);

    assertEquals(4L, verdict.brokenAt());
    assertEquals(AuditChain.Break.ALTERED, verdict.broken());
  }

  @Test
  void aRemovedEntryIsMissing() {
    List<AuditEntry> entries = chain(5);
    entries.remove(3);

    AuditChain.Verdict verdict = check(entries);

    assertEquals(4L, verdict.brokenAt());
    assertEquals(AuditChain.Break.MISSING, verdict.broken());
  }

  @Test
  void theFirstEntryOfAllMustStartFromGenesisButAPrunedStartIsAccepted() throws Exception {
    List<AuditEntry> pruned = chain(5).subList(2, 5);
    assertTrue(check(pruned).intact(), "entries before the third were pruned after a year");

    List<AuditEntry> entries = chain(3);
    set(entries.get(0), "prevHash", "f".repeat(64));
    assertEquals(AuditChain.Break.ALTERED, check(entries).broken());
    assertEquals(1L, check(entries).brokenAt());
  }

  @Test
  void noTwoDifferentEntriesHashAlikeWhenTheirFieldsShiftTheirText() throws Exception {
    // "1" + "23" and "12" + "3" must not write the same text
    AuditEntry a = chain(1).get(0);
    AuditEntry b = chain(1).get(0);
    set(a, "address", "1");
    set(a, "objectId", "23");
    set(b, "address", "12");
    set(b, "objectId", "3");
    assertNotEquals(AuditChain.hashOf(a), AuditChain.hashOf(b));
    set(a, "reason", null);
    set(b, "reason", "");
    assertNotEquals(AuditChain.hashOf(a), AuditChain.hashOf(b), "null is not empty");
  }

  @Test
  void aChangeShowsNoFieldsAndAReadMustBeARead() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AuditFact(
                AuditKind.FACILITY_CHANGED,
                "1",
                1L,
                Set.of(PersonalField.VISITOR_NAME),
                null,
                null));
    assertThrows(
        IllegalArgumentException.class, () -> AuditFact.read(AuditKind.FACILITY_CHANGED, 1, 1L));
    assertEquals(
        Set.of(PersonalField.VISITOR_NAME, PersonalField.VISITOR_PHONE),
        AuditEntry.after(
                0,
                AuditChain.GENESIS,
                AT,
                OWNER,
                AuditFact.read(
                    AuditKind.CASE_VIEWED,
                    1,
                    1L,
                    PersonalField.VISITOR_PHONE,
                    PersonalField.VISITOR_NAME))
            .getFields());
  }

  private static void set(AuditEntry entry, String name, Object value) throws Exception {
    Field field = AuditEntry.class.getDeclaredField(name);
    field.setAccessible(true);
    field.set(entry, value);
  }
}
