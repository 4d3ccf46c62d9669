package kr.vaccinepass.portal.pass.application;

import static kr.vaccinepass.portal.pass.application.DoorVerifyFixture.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import kr.vaccinepass.portal.pass.domain.ExemptionKind;
import kr.vaccinepass.portal.pass.domain.PassFacts;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.testsupport.Browser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The door app's verifier ({@code src/main/webapp/door/verify.js}) against the portal's, Java vs
 * JavaScript in headless Chromium: every row of {@code PassVerifierTest}, tokens re-signed with a
 * trusted key that each break one rule of {@link PassToken#parse}, and seeded mutations of a
 * genuine token. For each, the expected answer is the Java one (MALFORMED when {@code parse}
 * throws, else {@link PassVerifier#verify}'s problem or GENUINE), and for every token Java reads,
 * the facts and the identity too. The module reads the trust list from the snapshot envelope {@link
 * DoorSnapshots} signs, through {@code importPortalKey → openSnapshot → trustKeys}, so a change of
 * either side that the other does not follow fails here.
 */
class DoorVerifyScriptTest {
  private static final DoorVerifyFixture FIXTURE = new DoorVerifyFixture();
  private static final long IAT = BASE.getEpochSecond();
  private static final String HEADER = "{\"alg\":\"ES256\",\"kid\":\"kakao-1\",\"typ\":\"vp+jws\"}";
  private static final PassFacts FACTS =
      new PassFacts(
          LocalDate.parse("2021-10-01"),
          LocalDate.parse("2021-12-01"),
          BASE.minusSeconds(3600),
          ExemptionKind.MEDICAL,
          LocalDate.parse("2022-03-31"),
          1990);

  /** One token read at one instant. */
  record Case(int index, String name, String token, Instant now) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Case> CASES = new ArrayList<>();
  private static Browser browser;
  private static List<JsonObject> answers;
  private static JsonObject envelopes;

  static List<Case> cases() {
    if (CASES.isEmpty()) {
      build();
    }
    return CASES;
  }

  private static void add(String name, String token, Instant now) {
    CASES.add(new Case(CASES.size(), name, token, now));
  }

  private static void add(String name, String token) {
    add(name, token, BASE);
  }

  /** Claims with one member replaced (its JSON text), or removed when {@code json} is null. */
  private static String claims(String member, String json) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("iss", "\"KAKAO\"");
    c.put("sub", "\"holder-1\"");
    c.put("iat", String.valueOf(IAT));
    c.put("exp", String.valueOf(IAT + 15));
    c.put("jti", "\"nonce-1\"");
    c.put("vp", "{\"fd\":\"2021-10-01\",\"by\":1990}");
    if (member != null) {
      if (json == null) {
        c.remove(member);
      } else {
        c.put(member, json);
      }
    }
    StringBuilder out = new StringBuilder("{");
    c.forEach(
        (k, v) ->
            out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
    return out.append('}').toString();
  }

  private static String vp(String members) {
    return claims("vp", "{" + members + "}");
  }

  private static String crafted(String header, String claims) {
    return DoorVerifyFixture.signed(
        FIXTURE.issuerKey, header, claims.getBytes(StandardCharsets.UTF_8));
  }

  private static String crafted(String claims) {
    return crafted(HEADER, claims);
  }

  private static String header(String members) {
    return "{\"alg\":\"ES256\",\"kid\":\"kakao-1\"" + members + "}";
  }

  private static void build() {
    // the rows of PassVerifierTest: kid, iss, signer, iat and now in seconds after BASE
    Object[][] rows = {
      {"genuine", "kakao-1", "KAKAO", "ISSUER", 0, 0},
      {"at exp", "kakao-1", "KAKAO", "ISSUER", 0, 15},
      {"exp + 5 s", "kakao-1", "KAKAO", "ISSUER", 0, 20},
      {"exp + 6 s", "kakao-1", "KAKAO", "ISSUER", 0, 21},
      {"an hour old", "kakao-1", "KAKAO", "ISSUER", 0, 3600},
      {"iat = now + 5 s", "kakao-1", "KAKAO", "ISSUER", 5, 0},
      {"iat = now + 6 s", "kakao-1", "KAKAO", "ISSUER", 6, 0},
      {"unknown kid", "nobody-1", "KAKAO", "ISSUER", 0, 0},
      {"kid of another issuer", "naver-1", "KAKAO", "ISSUER", 0, 0},
      {"revoked key", "kakao-revoked", "KAKAO", "ISSUER", 0, 0},
      {"iat before validFrom", "kakao-window", "KAKAO", "ISSUER", -1, -1},
      {"iat at validFrom", "kakao-window", "KAKAO", "ISSUER", 0, 0},
      {"iat 1 s before validUntil", "kakao-window", "KAKAO", "ISSUER", 59, 59},
      {"iat at validUntil", "kakao-window", "KAKAO", "ISSUER", 60, 60},
      {"iat after validUntil", "kakao-window", "KAKAO", "ISSUER", 61, 61},
      {"signed by another key", "kakao-1", "KAKAO", "OTHER", 0, 0},
      {"forged and expired", "kakao-1", "KAKAO", "OTHER", 0, 3600},
      {"forged under revoked key", "kakao-revoked", "KAKAO", "OTHER", 0, 0},
      // a window from 1 ns after BASE to 60.500000001 s after it
      {"iat 1 ns before a validFrom", "kakao-frac", "KAKAO", "ISSUER", 0, 0},
      {"iat after a fractional validFrom", "kakao-frac", "KAKAO", "ISSUER", 1, 1},
      {"iat before a fractional validUntil", "kakao-frac", "KAKAO", "ISSUER", 60, 60},
      {"iat after a fractional validUntil", "kakao-frac", "KAKAO", "ISSUER", 61, 61},
    };
    for (Object[] r : rows) {
      KeyPair signer = "ISSUER".equals(r[3]) ? FIXTURE.issuerKey : FIXTURE.otherKey;
      Instant iat = BASE.plusSeconds((Integer) r[4]);
      add(
          "row: " + r[0],
          FIXTURE.token(signer, (String) r[1], (String) r[2], PassFacts.none(), iat),
          BASE.plusSeconds((Integer) r[5]));
    }
    String genuine = FIXTURE.token(FIXTURE.issuerKey, "kakao-1", "KAKAO", FACTS, BASE);
    add("genuine with every fact", genuine);
    add("the same content, the other ECDSA signature (s ↔ n−s)", otherSignature(genuine));
    craftedCases();
    mutations(genuine);
    signedMutations();
  }

  /**
   * Seeded edits of the claims' JSON text, each signed with the trusted key, so that the edit
   * reaches the JSON reader and the claim checks rather than stopping at the signature.
   */
  private static void signedMutations() {
    Random random = new Random(7797);
    String json = "{}[]\":,.-+0123456789eEtrufalsn \\/bx\u00a0\u3000\u2028\ufeff\t\u0001";
    String base =
        "{\"iss\":\"KAKAO\",\"sub\":\"holder-1\",\"iat\":"
            + IAT
            + ",\"exp\":"
            + (IAT + 15)
            + ",\"jti\":\"nonce-1\",\"vp\":{\"fd\":\"2021-10-01\",\"bd\":\"2021-12-01\","
            + "\"pcr\":"
            + (IAT - 3600)
            + ",\"ex\":\"MEDICAL\",\"exu\":\"2022-03-31\",\"by\":1990}}";
    for (int n = 0; n < 300; n++) {
      StringBuilder text = new StringBuilder(base);
      int edits = 1 + random.nextInt(2);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(text.length());
        char c = json.charAt(random.nextInt(json.length()));
        switch (random.nextInt(3)) {
          case 0 -> text.setCharAt(at, c);
          case 1 -> text.insert(at, c);
          default -> text.deleteCharAt(at);
        }
      }
      add("signed mutation " + n + ": " + text, crafted(text.toString()));
    }
  }

  private static void craftedCases() {
    add("crafted: as an app signs it", crafted(claims(null, null)));
    // iat and exp
    add("iat a text", crafted(claims("iat", "\"" + IAT + "\"")));
    add("iat true", crafted(claims("iat", "true")));
    add("iat null", crafted(claims("iat", "null")));
    add("iat missing", crafted(claims("iat", null)));
    add("exp missing", crafted(claims("exp", null)));
    add("iat 0.5 s off", crafted(claims("iat", IAT + ".5")));
    add("iat written 1.0", crafted(claims("iat", IAT + ".0")));
    add("iat in exponent form", crafted(claims("iat", "1.6393644e9")));
    add("iat 1e400", crafted(claims("iat", "1e400")));
    add("iat 1e20", crafted(claims("iat", "1e20")));
    add(
        "iat 2^53 + 1",
        crafted(
            claims("iat", "9007199254740993")
                .replace("\"exp\":" + (IAT + 15), "\"exp\":9007199254741008")));
    add(
        "iat Instant.MAX − 15",
        crafted(
            claims("iat", "31556889864403184")
                .replace("\"exp\":" + (IAT + 15), "\"exp\":31556889864403199")));
    add(
        "exp past Instant.MAX",
        crafted(
            claims("iat", "31556889864403190")
                .replace("\"exp\":" + (IAT + 15), "\"exp\":31556889864403200")));
    add("lifetime 16 s", crafted(claims("exp", String.valueOf(IAT + 16))));
    add("lifetime 15 s", crafted(claims("exp", String.valueOf(IAT + 15))));
    add("lifetime 1 s", crafted(claims("exp", String.valueOf(IAT + 1))));
    add("lifetime 0", crafted(claims("exp", String.valueOf(IAT))));
    add("lifetime −1 s", crafted(claims("exp", String.valueOf(IAT - 1))));
    // iss, sub, jti
    add("iss empty", crafted(claims("iss", "\"\"")));
    add("iss blank", crafted(claims("iss", "\"   \"")));
    add("iss ideographic space (blank in Java)", crafted(claims("iss", "\"\u3000\"")));
    add("iss no-break space (not blank in Java)", crafted(claims("iss", "\"\u00a0\"")));
    add("iss BOM (not blank in Java)", crafted(claims("iss", "\"\\ufeff\"")));
    add("iss 20 chars", crafted(claims("iss", "\"" + "K".repeat(20) + "\"")));
    add("iss 21 chars", crafted(claims("iss", "\"" + "K".repeat(21) + "\"")));
    add("iss with a control char", crafted(claims("iss", "\"KA\\u0001KAO\"")));
    add("iss with DEL", crafted(claims("iss", "\"KAKAO\u007f\"")));
    add("iss with a C1 control", crafted(claims("iss", "\"KAKAO\\u0085\"")));
    add("iss a lone surrogate", crafted(claims("iss", "\"\\ud800\"")));
    add("iss a surrogate pair", crafted(claims("iss", "\"\\ud83d\\ude00\"")));
    add("iss escaped", crafted(claims("iss", "\"\\u004bAKAO\"")));
    add("iss a number", crafted(claims("iss", "5")));
    add("iss null", crafted(claims("iss", "null")));
    add("iss missing", crafted(claims("iss", null)));
    add("jti 64 chars", crafted(claims("jti", "\"" + "n".repeat(64) + "\"")));
    add("jti 65 chars", crafted(claims("jti", "\"" + "n".repeat(65) + "\"")));
    add("jti a number", crafted(claims("jti", "1")));
    add("sub 65 chars", crafted(claims("sub", "\"" + "h".repeat(65) + "\"")));
    add("sub missing", crafted(claims("sub", null)));
    add("sub an object", crafted(claims("sub", "{}")));
    // the pass facts
    add("vp missing", crafted(claims("vp", null)));
    add("vp null", crafted(claims("vp", "null")));
    add("vp an array", crafted(claims("vp", "[]")));
    add("vp a text", crafted(claims("vp", "\"x\"")));
    add("vp a number", crafted(claims("vp", "1")));
    add("vp empty", crafted(vp("")));
    add("fd 2021-02-29", crafted(vp("\"fd\":\"2021-02-29\"")));
    add("fd 2020-02-29", crafted(vp("\"fd\":\"2020-02-29\"")));
    add("fd 1900-02-29", crafted(vp("\"fd\":\"1900-02-29\"")));
    add("fd 2000-02-29", crafted(vp("\"fd\":\"2000-02-29\"")));
    add("fd year 0000", crafted(vp("\"fd\":\"0000-02-29\"")));
    add("fd year 0099", crafted(vp("\"fd\":\"0099-12-31\"")));
    add("fd month 13", crafted(vp("\"fd\":\"2021-13-01\"")));
    add("fd month 00", crafted(vp("\"fd\":\"2021-00-01\"")));
    add("fd day 00", crafted(vp("\"fd\":\"2021-01-00\"")));
    add("fd 2021-04-31", crafted(vp("\"fd\":\"2021-04-31\"")));
    add("fd one-digit month", crafted(vp("\"fd\":\"2021-1-01\"")));
    add("fd with a time", crafted(vp("\"fd\":\"2021-01-01T00\"")));
    add("fd signed year", crafted(vp("\"fd\":\"+2021-01-01\"")));
    add("fd full-width digits", crafted(vp("\"fd\":\"２０２１-01-01\"")));
    add("fd a number", crafted(vp("\"fd\":20211001")));
    add("fd null", crafted(vp("\"fd\":null")));
    add("bd 2021-12-32", crafted(vp("\"bd\":\"2021-12-32\"")));
    add("exu 2400-02-29", crafted(vp("\"exu\":\"2400-02-29\"")));
    add("exu blank", crafted(vp("\"exu\":\" \"")));
    add("pcr", crafted(vp("\"pcr\":" + (IAT - 3600))));
    add("pcr 0.5 s", crafted(vp("\"pcr\":" + IAT + ".5")));
    add("pcr a text", crafted(vp("\"pcr\":\"" + IAT + "\"")));
    add("pcr null", crafted(vp("\"pcr\":null")));
    add("pcr year 1", crafted(vp("\"pcr\":-62135596800")));
    add("pcr year −1", crafted(vp("\"pcr\":-62198755200")));
    add("pcr year 10000", crafted(vp("\"pcr\":253402300800")));
    add("pcr past Date's range", crafted(vp("\"pcr\":9000000000000")));
    add("pcr Instant.MAX", crafted(vp("\"pcr\":31556889864403199")));
    add("pcr Instant.MIN", crafted(vp("\"pcr\":-31557014167219200")));
    add("pcr past Instant.MAX", crafted(vp("\"pcr\":31556889864403200")));
    add("ex MEDICAL", crafted(vp("\"ex\":\"MEDICAL\"")));
    add("ex RECOVERED", crafted(vp("\"ex\":\"RECOVERED\"")));
    add("ex lower case", crafted(vp("\"ex\":\"medical\"")));
    add("ex unknown", crafted(vp("\"ex\":\"PREGNANT\"")));
    add("ex null", crafted(vp("\"ex\":null")));
    add("ex a number", crafted(vp("\"ex\":1")));
    add("by int max", crafted(vp("\"by\":2147483647")));
    add("by int max + 1", crafted(vp("\"by\":2147483648")));
    add("by int min − 1", crafted(vp("\"by\":-2147483649")));
    add("by 1990.0", crafted(vp("\"by\":1990.0")));
    add("by 1.99e3", crafted(vp("\"by\":1.99e3")));
    add("by a text", crafted(vp("\"by\":\"1990\"")));
    add("by null", crafted(vp("\"by\":null")));
    add("unknown fact", crafted(vp("\"zz\":[1,{\"a\":null}]")));
    // the header
    add("alg HS256", crafted("{\"alg\":\"HS256\",\"kid\":\"kakao-1\"}", claims(null, null)));
    add("alg none", crafted("{\"alg\":\"none\",\"kid\":\"kakao-1\"}", claims(null, null)));
    add("alg es256", crafted("{\"alg\":\"es256\",\"kid\":\"kakao-1\"}", claims(null, null)));
    add("alg missing", crafted("{\"kid\":\"kakao-1\"}", claims(null, null)));
    add("alg a number", crafted("{\"alg\":1,\"kid\":\"kakao-1\"}", claims(null, null)));
    add("kid missing", crafted("{\"alg\":\"ES256\"}", claims(null, null)));
    add("kid null", crafted("{\"alg\":\"ES256\",\"kid\":null}", claims(null, null)));
    add("kid a number", crafted("{\"alg\":\"ES256\",\"kid\":5}", claims(null, null)));
    add("kid 2 chars", crafted("{\"alg\":\"ES256\",\"kid\":\"k1\"}", claims(null, null)));
    add(
        "kid 65 chars",
        crafted("{\"alg\":\"ES256\",\"kid\":\"" + "k".repeat(65) + "\"}", claims(null, null)));
    add("kid with a space", crafted("{\"alg\":\"ES256\",\"kid\":\"kakao 1\"}", claims(null, null)));
    add("typ a number", crafted(header(",\"typ\":5"), claims(null, null)));
    add("typ null", crafted(header(",\"typ\":null"), claims(null, null)));
    add("cty a number", crafted(header(",\"cty\":1"), claims(null, null)));
    add("crit [x]", crafted(header(",\"crit\":[\"x\"],\"x\":1"), claims(null, null)));
    add("crit []", crafted(header(",\"crit\":[]"), claims(null, null)));
    add("crit [null]", crafted(header(",\"crit\":[null]"), claims(null, null)));
    add("crit a number", crafted(header(",\"crit\":5"), claims(null, null)));
    add("crit [5]", crafted(header(",\"crit\":[5]"), claims(null, null)));
    add("b64 false", crafted(header(",\"b64\":false"), claims(null, null)));
    add(
        "b64 false, signed over the raw claims (RFC 7797)",
        unencodedPayload(header(",\"b64\":false"), claims(null, null)));
    add(
        "b64 false with crit [b64] (RFC 7797)",
        unencodedPayload(header(",\"b64\":false,\"crit\":[\"b64\"]"), claims(null, null)));
    add("b64 true", crafted(header(",\"b64\":true"), claims(null, null)));
    add("b64 null", crafted(header(",\"b64\":null"), claims(null, null)));
    add("b64 a text", crafted(header(",\"b64\":\"x\""), claims(null, null)));
    add("enc", crafted(header(",\"enc\":\"A128GCM\""), claims(null, null)));
    add("enc null", crafted(header(",\"enc\":null"), claims(null, null)));
    add("x5c a number", crafted(header(",\"x5c\":1"), claims(null, null)));
    add("x5c [null]", crafted(header(",\"x5c\":[null]"), claims(null, null)));
    add("x5c [AAAA]", crafted(header(",\"x5c\":[\"AAAA\"]"), claims(null, null)));
    add("x5t a number", crafted(header(",\"x5t\":5"), claims(null, null)));
    add("jku a number", crafted(header(",\"jku\":5"), claims(null, null)));
    add("jwk a number", crafted(header(",\"jwk\":1"), claims(null, null)));
    add("jwk null", crafted(header(",\"jwk\":null"), claims(null, null)));
    add(
        "zip and an unknown member",
        crafted(header(",\"zip\":\"DEF\",\"x\":[]"), claims(null, null)));
    add("header duplicate kid", crafted(header(",\"kid\":\"kakao-1\""), claims(null, null)));
    add("header a JSON array", crafted("[\"ES256\"]", claims(null, null)));
    // the JSON of the claims
    add(
        "claims duplicate iss",
        crafted(claims(null, null).replace("{\"iss\"", "{\"iss\":\"NAVER\",\"iss\"")));
    add(
        "claims duplicate iss, escaped",
        crafted(claims(null, null).replace("{\"iss\"", "{\"\\u0069ss\":\"NAVER\",\"iss\"")));
    add(
        "vp duplicate fd (the last counts)",
        crafted(vp("\"fd\":\"2021-13-01\",\"fd\":\"2021-10-01\"")));
    add("claims with spaces around", crafted(" \n" + claims(null, null) + "\t\r "));
    add("claims 254 levels deep", crafted(claims("zz", "[".repeat(254) + "]".repeat(254))));
    add("claims 255 levels deep", crafted(claims("zz", "[".repeat(255) + "]".repeat(255))));
    add("a number past double", crafted(claims("zz", "1e400")));
    add("a number 1e-400", crafted(claims("zz", "-1e-400")));
    add("a leading zero", crafted(claims("zz", "01")));
    add("a trailing comma", crafted(claims(null, null).replace("}}", "},}")));
    add("a comment", crafted(claims(null, null) + "//"));
    add("NaN", crafted(claims("zz", "NaN")));
    add("single quotes", crafted(claims("zz", "'x'")));
    add("a raw tab in a text", crafted(claims("zz", "\"a\tb\"")));
    add("a raw DEL and U+2028 in a text", crafted(claims("zz", "\"a\u007f\u2028b\"")));
    add("an escaped NUL", crafted(claims("zz", "\"\\u0000\"")));
    add("a bad escape", crafted(claims("zz", "\"\\x\"")));
    add("claims an array", crafted("[" + claims(null, null) + "]"));
    add("claims not JSON", crafted("{"));
    add("claims trailing garbage", crafted(claims(null, null) + "x"));
    byte[] bom = ("\ufeff" + claims(null, null)).getBytes(StandardCharsets.UTF_8);
    add("claims after a BOM", DoorVerifyFixture.signed(FIXTURE.issuerKey, HEADER, bom));
    byte[] twoBoms = ("\ufeff\ufeff" + claims(null, null)).getBytes(StandardCharsets.UTF_8);
    add("claims after two BOMs", DoorVerifyFixture.signed(FIXTURE.issuerKey, HEADER, twoBoms));
    byte[] bad = claims("zz", "\"a?b\"").getBytes(StandardCharsets.UTF_8);
    bad[new String(bad, StandardCharsets.ISO_8859_1).indexOf("a?b") + 1] = (byte) 0xff;
    add("invalid UTF-8 in a text", DoorVerifyFixture.signed(FIXTURE.issuerKey, HEADER, bad));
    byte[] badIss = claims("iss", "\"K?\"").getBytes(StandardCharsets.UTF_8);
    badIss[new String(badIss, StandardCharsets.ISO_8859_1).indexOf("K?") + 1] = (byte) 0xc3;
    add("invalid UTF-8 in iss", DoorVerifyFixture.signed(FIXTURE.issuerKey, HEADER, badIss));
    // the compact form
    String good = crafted(claims(null, null));
    String[] seg = good.split("\\.");
    add("extra dot at the end", good + ".");
    add("four segments", good + ".AAAA");
    add("two segments", seg[0] + "." + seg[1]);
    add("empty header", "." + seg[1] + "." + seg[2]);
    add("empty payload", seg[0] + ".." + seg[2]);
    add("padding", seg[0] + "." + seg[1] + "." + seg[2] + "==");
    add("standard alphabet", good.replace('-', '+').replace('_', '/'));
    add("a space", seg[0] + ". " + seg[1] + "." + seg[2]);
    add("non-canonical last char, payload", seg[0] + "." + flipUnusedBit(seg[1]) + "." + seg[2]);
    add("non-canonical last char, header", flipUnusedBit(seg[0]) + "." + seg[1] + "." + seg[2]);
    add("non-canonical last char, signature", seg[0] + "." + seg[1] + "." + flipUnusedBit(seg[2]));
    add("signature of 63 bytes", seg[0] + "." + seg[1] + "." + b64(Arrays.copyOf(dec(seg[2]), 63)));
    add("signature of 65 bytes", seg[0] + "." + seg[1] + "." + b64(Arrays.copyOf(dec(seg[2]), 65)));
    add("signature all zero", seg[0] + "." + seg[1] + "." + b64(new byte[64]));
    add("longer than 2048", crafted(claims("zz", "\"" + "x".repeat(1600) + "\"")));
    add("at most 2048", crafted(claims("zz", "\"" + "x".repeat(1300) + "\"")));
    add("empty", "");
  }

  /** Seeded single-char substitutions, deletions, insertions and truncations of a genuine token. */
  private static void mutations(String genuine) {
    Random random = new Random(15);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    String odd = ".=+/ \u00e9\n";
    for (int n = 0; n < 320; n++) {
      int at = random.nextInt(genuine.length());
      char c =
          random.nextInt(10) == 0
              ? odd.charAt(random.nextInt(odd.length()))
              : alphabet.charAt(random.nextInt(alphabet.length()));
      String token;
      String what;
      switch (n % 8) {
        case 6 -> {
          token = genuine.substring(0, at) + genuine.substring(at + 1);
          what = "delete @" + at;
        }
        case 7 -> {
          token =
              random.nextBoolean()
                  ? genuine.substring(0, at)
                  : genuine.substring(0, at) + c + genuine.substring(at);
          what =
              token.length() < genuine.length()
                  ? "truncate @" + at
                  : "insert " + (int) c + " @" + at;
        }
        default -> {
          token = genuine.substring(0, at) + c + genuine.substring(at + 1);
          what = "substitute " + (int) c + " @" + at;
        }
      }
      add("mutation " + n + ": " + what, token);
    }
  }

  private static byte[] dec(String s) {
    return Base64.getUrlDecoder().decode(s);
  }

  private static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String flipUnusedBit(String segment) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(segment.charAt(segment.length() - 1));
    if (segment.length() % 4 == 0) {
      return segment + "A"; // no unused bits: an impossible length instead
    }
    return segment.substring(0, segment.length() - 1) + alphabet.charAt(last ^ 1);
  }

  /**
   * Signed as RFC 7797 has it for b64 false: over the header's segment, a dot and the raw claims.
   */
  private static String unencodedPayload(String header, String claims) {
    String h = b64(header.getBytes(StandardCharsets.UTF_8));
    try {
      java.security.Signature ecdsa =
          java.security.Signature.getInstance(
              kr.vaccinepass.portal.pass.domain.PortalKey.SIGNATURE_ALGORITHM);
      ecdsa.initSign(FIXTURE.issuerKey.getPrivate());
      ecdsa.update((h + "." + claims).getBytes(StandardCharsets.UTF_8));
      return h + "." + b64(claims.getBytes(StandardCharsets.UTF_8)) + "." + b64(ecdsa.sign());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signature (r, n − s), which verifies as well as (r, s). */
  private static String otherSignature(String token) {
    String[] seg = token.split("\\.");
    byte[] rs = dec(seg[2]);
    BigInteger n =
        new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
    byte[] other = n.subtract(s).toByteArray();
    byte[] out = Arrays.copyOf(rs, 64);
    Arrays.fill(out, 32, 64, (byte) 0);
    int len = Math.min(other.length, 32);
    System.arraycopy(other, other.length - len, out, 64 - len, len);
    return seg[0] + "." + seg[1] + "." + b64(out);
  }

  @BeforeAll
  static void runEveryCaseInChromium() throws Exception {
    browser = Browser.open(new URL("http://localhost/"));
    JsonArrayBuilder tokens = Json.createArrayBuilder();
    for (Case c : cases()) {
      tokens.add(
          Json.createObjectBuilder().add("token", c.token()).add("nowMs", c.now().toEpochMilli()));
    }
    JsonObject envelope = FIXTURE.envelope;
    JsonObject otherFormat =
        DoorSnapshots.sign(
            FIXTURE.portal,
            Json.createObjectBuilder(FIXTURE.payload)
                .add("format", "vaccinepass-door-snapshot/2")
                .build());
    String payload = envelope.getString("payload");
    int mid = payload.length() / 2;
    char flipped = payload.charAt(mid) == 'A' ? 'B' : 'A';
    JsonObjectBuilder variants =
        Json.createObjectBuilder()
            .add("genuine", envelope)
            .add(
                "a payload char changed",
                with(
                    envelope,
                    "payload",
                    payload.substring(0, mid) + flipped + payload.substring(mid + 1)))
            .add("another kid", with(envelope, "kid", "another-kid"))
            .add("another envelope format", with(envelope, "format", "vaccinepass-door-snapshot/2"))
            .add("another payload format, signed", otherFormat)
            .add(
                "signed by another portal key",
                DoorSnapshots.sign(new DoorVerifyFixture().portal, FIXTURE.payload))
            .add(
                "the signature of another payload",
                with(envelope, "signature", otherFormat.getString("signature")))
            .add("a payload not base64url", with(envelope, "payload", payload + "="));
    JsonObject input =
        Json.createObjectBuilder()
            .add("jwk", FIXTURE.portalJwk())
            .add("kid", FIXTURE.portal.kid())
            .add("facilityId", DoorVerifyFixture.FACILITY_ID)
            .add("envelopes", variants)
            .add("cases", tokens)
            .build();
    String body =
        """
        async (m, input) => {
          const key = await m.importPortalKey(input.jwk);
          const opened = {};
          for (const [name, envelope] of Object.entries(input.envelopes)) {
            try {
              await m.openSnapshot(envelope, key, input.kid, input.facilityId);
              opened[name] = "OPEN";
            } catch (e) {
              opened[name] = e instanceof m.UntrustedSnapshot ? "UNTRUSTED" : "ERROR " + e;
            }
          }
          try {
            await m.openSnapshot(input.envelopes.genuine, key, input.kid, input.facilityId + 1);
            opened["another facility"] = "OPEN";
          } catch (e) {
            opened["another facility"] = e instanceof m.UntrustedSnapshot ? "UNTRUSTED" : "ERROR " + e;
          }
          const payload = await m.openSnapshot(input.envelopes.genuine, key, input.kid, input.facilityId);
          const keys = m.trustKeys(payload);
          const answers = [];
          for (const c of input.cases) {
            try {
              const t = m.parseToken(c.token);
              const problem = await m.problemOf(t, keys, c.nowMs, payload.clockSkewSeconds);
              answers.push({ problem: problem ?? "GENUINE", facts: t.facts, identity: await m.identity(t) });
            } catch (e) {
              answers.push({ problem: e instanceof m.Malformed ? "MALFORMED" : "ERROR " + e });
            }
          }
          return { opened, answers };
        }
        """;
    JsonObject result =
        DoorVerifyFixture.json(DoorVerifyFixture.run(browser, body, input.toString()));
    assertNull(result.get("error"), () -> "the module failed: " + result);
    envelopes = result.getJsonObject("opened");
    answers = result.getJsonArray("answers").getValuesAs(JsonObject.class);
  }

  private static JsonObject with(JsonObject o, String name, String value) {
    return Json.createObjectBuilder(o).add(name, value).build();
  }

  @AfterAll
  static void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theModuleAnswersAsThePortal(Case c) {
    assertEquals(cases().size(), answers.size(), "one answer per case");
    JsonObject answer = answers.get(c.index());
    PassToken token;
    try {
      token = PassToken.parse(c.token());
    } catch (PassToken.MalformedToken e) {
      assertEquals("MALFORMED", answer.getString("problem"), c.token());
      return;
    }
    PassVerifier.Verification v = FIXTURE.verifier.verify(token, c.now());
    assertEquals(
        v.genuine() ? "GENUINE" : v.problem().name(), answer.getString("problem"), c.token());
    assertEquals(token.hash(), answer.getString("identity"), "the identity is PassToken.hash()");
    assertEquals(facts(token.facts()), jsFacts(answer.getJsonObject("facts")), "the facts");
  }

  /** The facts as the rules module takes them, the PCR notice as an Instant. */
  private static Map<String, Object> facts(PassFacts f) {
    Map<String, Object> m = new TreeMap<>();
    if (f.finalDoseDate() != null) {
      m.put("finalDoseDate", f.finalDoseDate().toString());
    }
    if (f.boosterDate() != null) {
      m.put("boosterDate", f.boosterDate().toString());
    }
    if (f.pcrNoticeAt() != null) {
      m.put("pcrNoticeAt", f.pcrNoticeAt());
    }
    if (f.exemption() != null) {
      m.put("exemption", f.exemption().name());
    }
    if (f.exemptionUntil() != null) {
      m.put("exemptionUntil", f.exemptionUntil().toString());
    }
    if (f.birthYear() != null) {
      m.put("birthYear", f.birthYear());
    }
    return m;
  }

  private static Map<String, Object> jsFacts(JsonObject f) {
    Map<String, Object> m = new TreeMap<>();
    f.forEach(
        (k, v) ->
            m.put(
                k,
                switch (k) {
                  case "pcrNoticeAt" -> Instant.parse(f.getString(k));
                  case "birthYear" -> f.getInt(k);
                  default -> f.getString(k);
                }));
    return m;
  }

  @Test
  void theGenuineSnapshotOpensAndNoOtherDoes() {
    Map<String, String> expected = new TreeMap<>();
    expected.put("genuine", "OPEN");
    for (String refused :
        List.of(
            "a payload char changed",
            "another kid",
            "another envelope format",
            "another payload format, signed",
            "signed by another portal key",
            "the signature of another payload",
            "a payload not base64url",
            "another facility")) {
      expected.put(refused, "UNTRUSTED");
    }
    Map<String, String> actual = new TreeMap<>();
    envelopes.forEach((k, v) -> actual.put(k, ((jakarta.json.JsonString) v).getString()));
    assertEquals(expected, actual);
  }
}
