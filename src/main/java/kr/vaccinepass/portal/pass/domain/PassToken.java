package kr.vaccinepass.portal.pass.domain;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import kr.vaccinepass.portal.shared.domain.Sha256;
import kr.vaccinepass.portal.shared.domain.TextRules;

/**
 * The check-in QR: a compact JWS (RFC 7515), ES256, header {@code kid} and {@code typ: vp+jws};
 * claims {@code iss} (issuer code), {@code sub} (pseudonymous holder id), {@code iat}, {@code exp}
 * (iat + 15 s), {@code jti} (nonce) and {@code vp}, the pass facts. See docs/checkin.md.
 */
public record PassToken(
    String compact,
    String kid,
    String issuer,
    String holderId,
    Instant issuedAt,
    Instant expiresAt,
    String nonce,
    PassFacts facts,
    JWSObject jws,
    String identity) {

  public static final Duration LIFETIME = Duration.ofSeconds(15);
  public static final JOSEObjectType TYPE = new JOSEObjectType("vp+jws");
  private static final int MAX_LENGTH = 2048;
  private static final int ES256_SIGNATURE_BYTES = 64;

  /** A key id as the trust list takes it (docs/checkin.md, section 3). */
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{3,64}");

  /**
   * Reads a token without trusting it: {@link MalformedToken} when it is not one, and nothing else
   * is ever thrown. Strict (RFC 7515 §2 and §7.1): three segments of the base64url alphabet only,
   * no padding, no whitespace, each in its one canonical encoding (the unused trailing bits are
   * zero), so that one signed content has exactly one text apart from the signature's own
   * malleability (ECDSA's s and n−s), which {@link #identity()} does not depend on. Every text
   * claim is bounded and holds no control character (docs/checkin.md, section 1).
   */
  public static PassToken parse(String compact) {
    if (compact == null || compact.isEmpty() || compact.length() > MAX_LENGTH) {
      throw new MalformedToken("empty or too long");
    }
    try {
      return read(compact);
    } catch (MalformedToken e) {
      throw e;
    } catch (ParseException | RuntimeException | StackOverflowError e) {
      // nimbus's JSON reader on hostile input: any failure of it means "not a token"
      throw new MalformedToken(e.getClass().getSimpleName());
    }
  }

  private static PassToken read(String text) throws ParseException {
    int first = text.indexOf('.');
    int second = first < 0 ? -1 : text.indexOf('.', first + 1);
    if (first <= 0 || second <= first + 1 || text.indexOf('.', second + 1) >= 0) {
      throw new MalformedToken("not three segments");
    }
    byte[] payloadBytes = StrictBase64Url.decode(text.substring(first + 1, second));
    StrictBase64Url.decode(text.substring(0, first));
    if (StrictBase64Url.decode(text.substring(second + 1)).length != ES256_SIGNATURE_BYTES) {
      throw new MalformedToken("an ES256 signature is 64 bytes");
    }
    JWSObject jws = JWSObject.parse(text);
    JWSHeader header = jws.getHeader();
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())
        || header.getKeyID() == null
        || !KID.matcher(header.getKeyID()).matches()) {
      throw new MalformedToken("not ES256 with a kid");
    }
    Map<String, Object> claims = jws.getPayload().toJSONObject();
    if (claims == null) {
      throw new MalformedToken("no JSON claims");
    }
    Instant iat = Instant.ofEpochSecond(number(claims, "iat", true));
    Instant exp = Instant.ofEpochSecond(number(claims, "exp", true));
    if (!exp.isAfter(iat) || Duration.between(iat, exp).compareTo(LIFETIME) > 0) {
      throw new MalformedToken("lifetime other than 15 s");
    }
    Object vp = claims.get("vp");
    if (!(vp instanceof Map<?, ?> pass)) {
      throw new MalformedToken("no pass facts");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> p = (Map<String, Object>) pass;
    String exemption = string(p, "ex", false, 20);
    PassFacts facts =
        new PassFacts(
            date(p, "fd"),
            date(p, "bd"),
            p.containsKey("pcr") ? Instant.ofEpochSecond(number(p, "pcr", true)) : null,
            exemption == null ? null : ExemptionKind.valueOf(exemption),
            date(p, "exu"),
            p.containsKey("by") ? Math.toIntExact(number(p, "by", true)) : null);
    String issuer = string(claims, "iss", true, 20);
    String nonce = string(claims, "jti", true, 64);
    return new PassToken(
        text,
        header.getKeyID(),
        issuer,
        string(claims, "sub", true, 64),
        iat,
        exp,
        nonce,
        facts,
        jws,
        identityOf(issuer, nonce, payloadBytes));
  }

  /** Signs a token for a holder: what an issuer's app does every 15 seconds. */
  public static String sign(
      ECPrivateKey key,
      String kid,
      String issuer,
      String holderId,
      PassFacts facts,
      Instant issuedAt,
      String nonce) {
    Map<String, Object> vp = new LinkedHashMap<>();
    if (facts.finalDoseDate() != null) {
      vp.put("fd", facts.finalDoseDate().toString());
    }
    if (facts.boosterDate() != null) {
      vp.put("bd", facts.boosterDate().toString());
    }
    if (facts.pcrNoticeAt() != null) {
      vp.put("pcr", facts.pcrNoticeAt().getEpochSecond());
    }
    if (facts.exemption() != null) {
      vp.put("ex", facts.exemption().name());
    }
    if (facts.exemptionUntil() != null) {
      vp.put("exu", facts.exemptionUntil().toString());
    }
    if (facts.birthYear() != null) {
      vp.put("by", facts.birthYear().longValue());
    }
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("sub", holderId);
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("exp", issuedAt.plus(LIFETIME).getEpochSecond());
    claims.put("jti", nonce);
    claims.put("vp", vp);
    try {
      JWSObject jws =
          new JWSObject(
              new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(kid).type(TYPE).build(),
              new Payload(claims));
      jws.sign(new ECDSASigner(key));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("signing failed", e);
    }
  }

  /** Whether the signature verifies with that key's verifier. */
  public boolean verifiedBy(JWSVerifier verifier) {
    try {
      return jws.verify(verifier);
    } catch (JOSEException | IllegalStateException e) {
      return false;
    }
  }

  /**
   * What makes two tokens "the same check-in", for idempotency and replay: SHA-256 over the issuer,
   * the nonce and the signed claims' bytes, in lower-case hex. It never depends on the token's text
   * or its signature, so a re-encoding or a second valid signature of the same content (ECDSA's s ↔
   * n−s) is the same check-in, not a new admission; and another content under the same nonce is a
   * replay.
   */
  public String hash() {
    return identity;
  }

  private static String identityOf(String issuer, String nonce, byte[] payload) {
    byte[] iss = issuer.getBytes(StandardCharsets.UTF_8);
    byte[] jti = nonce.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[iss.length + 1 + jti.length + 1 + payload.length];
    System.arraycopy(iss, 0, all, 0, iss.length);
    System.arraycopy(jti, 0, all, iss.length + 1, jti.length);
    System.arraycopy(payload, 0, all, iss.length + jti.length + 2, payload.length);
    return Sha256.hex(all);
  }

  private static long number(Map<String, Object> claims, String name, boolean required) {
    Object value = claims.get(name);
    if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
      return n.longValue();
    }
    throw new MalformedToken("claim " + name);
  }

  private static String string(Map<String, Object> claims, String name, boolean required, int max) {
    Object value = claims.get(name);
    if (value == null && !required) {
      return null;
    }
    if (value instanceof String s && !s.isBlank() && TextRules.isCleanText(s, max)) {
      return s;
    }
    throw new MalformedToken("claim " + name);
  }

  private static LocalDate date(Map<String, Object> claims, String name) {
    String value = string(claims, name, false, 10);
    return value == null ? null : LocalDate.parse(value);
  }

  /** The token cannot be read as one. */
  public static final class MalformedToken extends RuntimeException {
    public MalformedToken(String why) {
      super(why, null, false, false);
    }
  }
}
