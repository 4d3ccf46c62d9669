package kr.vaccinepass.portal.shared.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * AES-256-GCM for visitors' names and phones: round trip, a fresh IV each time, rotation by
 * prepending a key, and refusal (IllegalStateException) of tampered records and bad key rings.
 */
class PersonalDataCipherTest {
  private static final String K1 = PersonalDataCipher.newKey("k1");
  private static final String K2 = PersonalDataCipher.newKey("k2");
  private static final PersonalDataCipher CIPHER = new PersonalDataCipher(K1);

  @ParameterizedTest(name = "[{index}] {0}")
  @NullAndEmptySource // null stays null; the empty string survives as itself
  @ValueSource(
      strings = {
        "김철수", // a Hangul name
        "010-1234-5678", // a phone number
        "남궁 민수 ", // spaces kept as typed
        "😀 emoji", // characters outside the BMP
        "1234가나", // a safety number
      })
  void roundTrip(String plaintext) {
    String stored = CIPHER.encrypt(plaintext);

    assertEquals(plaintext, CIPHER.decrypt(stored));
    if (plaintext == null) {
      assertNull(stored);
    } else {
      assertTrue(stored.startsWith("k1."), stored);
      assertTrue(plaintext.isEmpty() || !stored.contains(plaintext), "no plaintext stored");
    }
  }

  @Test
  void aSealedValueOpensAtItsFieldAndRowOnly() {
    java.util.UUID row = java.util.UUID.randomUUID();
    java.util.UUID other = java.util.UUID.randomUUID();
    String sealed = CIPHER.seal("visit.visitor_phone", row, "010-1234-5678");

    assertEquals("010-1234-5678", CIPHER.open("visit.visitor_phone", row, sealed));
    assertThrows(
        IllegalStateException.class,
        () -> CIPHER.open("visit.visitor_phone", other, sealed),
        "copied to another row");
    assertThrows(
        IllegalStateException.class,
        () -> CIPHER.open("visit.visitor_name", row, sealed),
        "copied to another column");
    assertThrows(
        IllegalStateException.class,
        () -> CIPHER.open("violation.visitor_phone", row, sealed),
        "copied to another table");
    assertThrows(IllegalStateException.class, () -> CIPHER.decrypt(sealed), "not as before V31");
    String legacy = CIPHER.encrypt("010-1234-5678");
    assertThrows(
        IllegalStateException.class, () -> CIPHER.open("visit.visitor_phone", row, legacy));
    assertThrows(
        IllegalArgumentException.class, () -> CIPHER.seal("visit.visitor_phone", null, "x"));
  }

  @Test
  void twoEncryptionsOfTheSameTextDiffer() {
    String first = CIPHER.encrypt("김철수");
    String second = CIPHER.encrypt("김철수");

    assertNotEquals(first, second, "a random IV per encryption");
    assertEquals(CIPHER.decrypt(first), CIPHER.decrypt(second));
  }

  static Stream<Arguments> rotations() {
    return Stream.of(
        // a new key prepended: it encrypts, the old one still decrypts
        Arguments.of(K2 + "," + K1, "k2", true),
        // the same, written with a space after the comma
        Arguments.of(K2 + ", " + K1, "k2", true),
        // the old key dropped too early: old records cannot be read
        Arguments.of(K2, "k2", false),
        // the old key kept first: nothing rotated, everything readable
        Arguments.of(K1 + "," + K2, "k1", true));
  }

  @ParameterizedTest(name = "[{index}] active {1}, reads k1 records: {2}")
  @MethodSource("rotations")
  void rotation(String ring, String activeId, boolean readsOldRecords) {
    String old = CIPHER.encrypt("김철수");
    PersonalDataCipher rotated = new PersonalDataCipher(ring);

    String fresh = rotated.encrypt("이영희");

    assertTrue(fresh.startsWith(activeId + "."), fresh);
    assertEquals("이영희", rotated.decrypt(fresh));
    if (readsOldRecords) {
      assertEquals("김철수", rotated.decrypt(old));
    } else {
      assertThrows(IllegalStateException.class, () -> rotated.decrypt(old));
    }
  }

  @Test
  void aRingWithoutTheRecordsKeyCannotReadIt() {
    String underK2 = new PersonalDataCipher(K2 + "," + K1).encrypt("김철수");

    assertThrows(IllegalStateException.class, () -> CIPHER.decrypt(underK2));
  }

  /**
   * Changes one character of the base64url part, keeping it base64url. Not the last character: some
   * of its bits may be padding the decoder ignores.
   */
  private static String flip(String stored, int fromEnd) {
    int i = stored.length() - fromEnd;
    char c = stored.charAt(i) == 'A' ? 'B' : 'A';
    return stored.substring(0, i) + c + stored.substring(i + 1);
  }

  static Stream<Arguments> tampered() {
    return Stream.of(
        // a character of the tag changed
        Arguments.of("tag changed", (UnaryOperator<String>) s -> flip(s, 2)),
        // a character of the ciphertext changed
        Arguments.of("ciphertext changed", (UnaryOperator<String>) s -> flip(s, 26)),
        // a character of the IV changed
        Arguments.of("iv changed", (UnaryOperator<String>) s -> flip(s, s.length() - 4)),
        // the tag cut short
        Arguments.of("truncated", (UnaryOperator<String>) s -> s.substring(0, s.length() - 4)),
        // relabelled with another key id of the ring: the id is authenticated data
        Arguments.of("relabelled k2", (UnaryOperator<String>) s -> "k2" + s.substring(2)),
        // the key id removed
        Arguments.of("no key id", (UnaryOperator<String>) s -> s.substring(3)),
        // only the dot and the data
        Arguments.of("empty key id", (UnaryOperator<String>) s -> s.substring(2)),
        // nothing after the key id
        Arguments.of("no data", (UnaryOperator<String>) s -> "k1."),
        // fewer bytes than an IV
        Arguments.of("shorter than an IV", (UnaryOperator<String>) s -> "k1.AAAA"),
        // not base64url
        Arguments.of("not base64url", (UnaryOperator<String>) s -> "k1.!!!!"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tampered")
  void aTamperedRecordIsRefused(String name, UnaryOperator<String> tamper) {
    PersonalDataCipher ring = new PersonalDataCipher(K1 + "," + K2);
    String stored = tamper.apply(ring.encrypt("010-1234-5678"));

    assertThrows(IllegalStateException.class, () -> ring.decrypt(stored));
  }

  private static String base64(int bytes) {
    return Base64.getEncoder().encodeToString(new byte[bytes]);
  }

  static Stream<Arguments> badRings() {
    return Stream.of(
        // not configured
        Arguments.of("null", null),
        // configured empty
        Arguments.of("empty", ""),
        // configured blank
        Arguments.of("blank", "  "),
        // an AES-128 key
        Arguments.of("128 bits", "k1:" + base64(16)),
        // one byte too many
        Arguments.of("264 bits", "k1:" + base64(33)),
        // no key material
        Arguments.of("empty key", "k1:"),
        // a key without an id
        Arguments.of("no id", base64(32)),
        // an empty id
        Arguments.of("empty id", ":" + base64(32)),
        // an id with a character outside [A-Za-z0-9_-]
        Arguments.of("id with a dot", "k.1:" + base64(32)),
        // an id of 17 characters
        Arguments.of("id too long", "k".repeat(17) + ":" + base64(32)),
        // an empty entry in the list
        Arguments.of("leading comma", "," + K1),
        // one good key and one of the wrong length
        Arguments.of("second key bad", K1 + ",k2:" + base64(16)),
        // key material that is not base64
        Arguments.of("not base64", "k1:not base64!"),
        // the same id twice: a record names its key by id, so one of them could never decrypt
        Arguments.of("duplicate id", K1 + "," + PersonalDataCipher.newKey("k1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRings")
  void aBadKeyRingIsRefusedAtConstruction(String name, String ring) {
    assertThrows(IllegalStateException.class, () -> new PersonalDataCipher(ring));
  }

  @Test
  void newKeyIsAnIdAnd256RandomBits() {
    String key = PersonalDataCipher.newKey("k9");

    assertTrue(key.startsWith("k9:"));
    assertEquals(32, Base64.getDecoder().decode(key.substring(3)).length);
    assertNotEquals(key, PersonalDataCipher.newKey("k9"));
  }
}
