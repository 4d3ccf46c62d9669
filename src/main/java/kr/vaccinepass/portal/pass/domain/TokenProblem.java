package kr.vaccinepass.portal.pass.domain;

/** Why a check-in token was not accepted as a genuine, current statement of an issuer. */
public enum TokenProblem {
  /** Not a compact JWS, not ES256, or a claim missing or of the wrong form. */
  MALFORMED,
  /** The key id is not in the trust list, or the key belongs to another issuer. */
  UNKNOWN_ISSUER,
  /** The key was revoked by an administrator. */
  REVOKED_KEY,
  /** The token was issued outside the key's validity window. */
  KEY_NOT_VALID,
  /** The signature does not verify with the issuer's key. */
  BAD_SIGNATURE,
  /** Past its expiry (15 s after issue) beyond the clock-skew allowance. */
  EXPIRED,
  /** Issued in the future beyond the clock-skew allowance. */
  NOT_YET_VALID
}
