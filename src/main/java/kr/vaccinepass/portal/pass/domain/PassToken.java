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
import kr.vaccinepass.portal.shared.domain.Sha256;

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
    JWSObject jws) {

  public static final Duration LIFETIME = Duration.ofSeconds(15);
  public static final JOSEObjectType TYPE = new JOSEObjectType("vp+jws");
  private static final int MAX_LENGTH = 2048;

  /** Reads a token without trusting it: {@link MalformedToken} when it is not one. */
  public static PassToken parse(String compact) {
    if (compact == null || compact.isBlank() || compact.length() > MAX_LENGTH) {
      throw new MalformedToken("empty or too long");
    }
    String text = compact.trim();
    try {
      JWSObject jws = JWSObject.parse(text);
      JWSHeader header = jws.getHeader();
      if (!JWSAlgorithm.ES256.equals(header.getAlgorithm()) || header.getKeyID() == null) {
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
      return new PassToken(
          text,
          header.getKeyID(),
          string(claims, "iss", true, 20),
          string(claims, "sub", true, 64),
          iat,
          exp,
          string(claims, "jti", true, 64),
          facts,
          jws);
    } catch (ParseException | RuntimeException e) {
      if (e instanceof MalformedToken m) {
        throw m;
      }
      throw new MalformedToken(e.getClass().getSimpleName());
    }
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

  /** SHA-256 of the token text: "the same token" for idempotency, without keeping the token. */
  public String hash() {
    return Sha256.hex(compact.getBytes(StandardCharsets.US_ASCII));
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
    if (value instanceof String s && !s.isBlank() && s.length() <= max) {
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
