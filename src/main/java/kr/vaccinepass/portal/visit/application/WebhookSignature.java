package kr.vaccinepass.portal.visit.application;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The telephony webhook's signature: {@code X-VP-Signature: v1=<hex HMAC-SHA256(secret, timestamp +
 * "." + body)>} with {@code X-VP-Timestamp: <epoch seconds>}, fresh within five minutes of the
 * receiver's real time. Signing the timestamp with the body makes an old request useless.
 */
public final class WebhookSignature {
  public static final Duration FRESHNESS = Duration.ofMinutes(5);

  /** Why a request's signature was refused. */
  public enum Problem {
    MISSING,
    STALE,
    BAD_SIGNATURE
  }

  private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,12}");
  private static final Pattern SIGNATURE = Pattern.compile("v1=[0-9a-f]{64}");

  private final byte[] secret;

  public WebhookSignature(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The header value for a body at a timestamp (what the provider computes). */
  public String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
      mac.update((byte) '.');
      return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  /**
   * What can be known of a request before its body is read: null when the timestamp is there and
   * fresh and the signature has the form {@code v1=} and 64 lower-case hex digits, else what is
   * wrong. The receiver reads the body only after this (docs/checkin.md, section 7).
   */
  public static Problem checkHeaders(String timestamp, String signature, Instant now) {
    if (timestamp == null || signature == null || !TIMESTAMP.matcher(timestamp).matches()) {
      return Problem.MISSING;
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    if (Duration.between(sent, now).abs().compareTo(FRESHNESS) > 0) {
      return Problem.STALE;
    }
    return SIGNATURE.matcher(signature.trim()).matches() ? null : Problem.BAD_SIGNATURE;
  }

  /** Null when the request is genuine and fresh, else what is wrong with it. */
  public Problem check(String timestamp, String signature, byte[] body, Instant now) {
    Problem headers = checkHeaders(timestamp, signature, now);
    if (headers != null) {
      return headers;
    }
    boolean equal =
        MessageDigest.isEqual(
            sign(timestamp, body).getBytes(StandardCharsets.US_ASCII),
            signature.trim().getBytes(StandardCharsets.US_ASCII));
    return equal ? null : Problem.BAD_SIGNATURE;
  }
}
