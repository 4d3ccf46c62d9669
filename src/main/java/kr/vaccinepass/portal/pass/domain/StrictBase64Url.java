package kr.vaccinepass.portal.pass.domain;

import java.util.Base64;

/**
 * Base64url as RFC 7515 §2 has it for a JWS: the URL-safe alphabet only ({@code A–Z a–z 0–9 - _}),
 * no padding, no whitespace, no line breaks, and the one canonical encoding of the bytes: a last
 * character whose unused low bits are not zero (RFC 4648 §3.5) is refused, as is a length that no
 * byte string has. nimbus's own decoder skips what it does not know, so that a character inserted
 * into a signature still decoded to the same bytes; this one never does.
 */
final class StrictBase64Url {
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private StrictBase64Url() {}

  /** The bytes of a canonical base64url segment; {@link PassToken.MalformedToken} otherwise. */
  static byte[] decode(String segment) {
    int length = segment.length();
    if (length == 0 || length % 4 == 1) {
      throw new PassToken.MalformedToken("base64url of an impossible length");
    }
    int last = 0;
    for (int i = 0; i < length; i++) {
      last = value(segment.charAt(i));
      if (last < 0) {
        throw new PassToken.MalformedToken("not the base64url alphabet");
      }
    }
    int unusedBits = (length % 4 == 2) ? 4 : (length % 4 == 3) ? 2 : 0;
    if ((last & ((1 << unusedBits) - 1)) != 0) {
      throw new PassToken.MalformedToken("base64url not in its canonical form");
    }
    return DECODER.decode(segment);
  }

  private static int value(char c) {
    if (c >= 'A' && c <= 'Z') {
      return c - 'A';
    }
    if (c >= 'a' && c <= 'z') {
      return c - 'a' + 26;
    }
    if (c >= '0' && c <= '9') {
      return c - '0' + 52;
    }
    if (c == '-') {
      return 62;
    }
    if (c == '_') {
      return 63;
    }
    return -1;
  }
}
