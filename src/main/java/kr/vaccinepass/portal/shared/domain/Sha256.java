package kr.vaccinepass.portal.shared.domain;

import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * SHA-256 without the JCA's provider lookup. {@code MessageDigest.getInstance} walks the installed
 * providers under a lock on every call; at the check-in peak three digests per request made that
 * lock a point of contention (docs/benchmarks.md). BouncyCastle's digest is a plain object.
 */
public final class Sha256 {
  private Sha256() {}

  /** The 32-byte digest of {@code input}. */
  public static byte[] digest(byte[] input) {
    SHA256Digest digest = new SHA256Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }

  /** The digest of {@code input} in lower-case hex. */
  public static String hex(byte[] input) {
    return HexFormat.of().formatHex(digest(input));
  }
}
