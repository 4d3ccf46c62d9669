// The door app's verification: the portal's signed snapshot and the visitors' check-in tokens,
// in the browser with WebCrypto only, by the same strict rules as the portal's PassToken and
// PassVerifier (docs/checkin.md sections 1-2, docs/door.md section 2). No dependencies, no
// build step; DoorVerifyScriptTest runs it in headless Chromium against the Java verifier.

/** The token cannot be read as one (MALFORMED). */
export class Malformed extends Error {}

/** The snapshot is not the portal's (wrong format, key or signature): keep the previous one. */
export class UntrustedSnapshot extends Error {}

export const SNAPSHOT_FORMAT = "vaccinepass-door-snapshot/1";
const MAX_TOKEN = 2048;
const SIGNATURE_BYTES = 64;
const KID = /^[A-Za-z0-9._-]{3,64}$/;
const ALPHABET = /^[A-Za-z0-9_-]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const EXEMPTIONS = new Set(["MEDICAL", "RECOVERED"]);
const ECDSA = { name: "ECDSA", namedCurve: "P-256" };
const ES256 = { name: "ECDSA", hash: "SHA-256" };
const utf8 = new TextEncoder();
const text = new TextDecoder();

function sixBits(c) {
  const code = c.charCodeAt(0);
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 71;
  if (code >= 48 && code <= 57) return code + 4;
  return c === "-" ? 62 : 63;
}

/**
 * The bytes of a canonical base64url segment (RFC 7515 section 2: the URL-safe alphabet only, no
 * padding, the unused trailing bits zero); Malformed otherwise.
 */
export function base64url(segment) {
  if (
    typeof segment !== "string" ||
    segment.length === 0 ||
    segment.length % 4 === 1 ||
    !ALPHABET.test(segment)
  ) {
    throw new Malformed("not canonical base64url");
  }
  const unused = segment.length % 4 === 2 ? 4 : segment.length % 4 === 3 ? 2 : 0;
  if ((sixBits(segment[segment.length - 1]) & ((1 << unused) - 1)) !== 0) {
    throw new Malformed("not canonical base64url");
  }
  const binary = atob(segment.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Standard base64 (the trust list's SPKI) to bytes. */
function base64(value) {
  const binary = atob(String(value).replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A JSON object from bytes, or Malformed. */
function object(bytes) {
  let value;
  try {
    value = JSON.parse(text.decode(bytes));
  } catch (e) {
    throw new Malformed("not JSON");
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Malformed("not a JSON object");
  }
  return value;
}

/** Java's TextRules.isCleanText: at most max UTF-16 units, no control character, no lone surrogate. */
function clean(s, max) {
  if (s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x1f || (c >= 0x7f && c <= 0x9f)) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return false;
    }
  }
  return true;
}

function textClaim(claims, name, required, max) {
  const value = claims[name];
  if (value === undefined && !required) return null;
  if (typeof value === "string" && value.trim() !== "" && clean(value, max)) return value;
  throw new Malformed("claim " + name);
}

function numberClaim(claims, name) {
  const value = claims[name];
  if (typeof value === "number" && Number.isSafeInteger(value)) return value;
  throw new Malformed("claim " + name);
}

function dateClaim(claims, name) {
  const value = textClaim(claims, name, false, 10);
  if (value === null) return null;
  const m = DATE.exec(value);
  const date = m && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  if (!m || date.getUTCFullYear() !== +m[1] || date.getUTCMonth() !== +m[2] - 1 || date.getUTCDate() !== +m[3]) {
    throw new Malformed("claim " + name);
  }
  return value;
}

/**
 * Reads a token without trusting it, as PassToken.parse does: three canonical base64url
 * segments, a 64-byte signature, ES256 with a kid, integer iat and exp with 0 < exp - iat <= 15 s,
 * clean iss (<= 20), sub and jti (<= 64), the pass facts in vp. Throws nothing but Malformed.
 *
 * @returns {{kid, issuer, holderId, iat, exp, nonce, facts, signingInput, signature, payload}}
 *     iat and exp in epoch seconds; facts as the rules module takes them
 */
export function parseToken(compact) {
  if (typeof compact !== "string" || compact.length === 0 || compact.length > MAX_TOKEN) {
    throw new Malformed("empty or too long");
  }
  const segments = compact.split(".");
  if (segments.length !== 3) throw new Malformed("not three segments");
  const payload = base64url(segments[1]);
  const header = object(base64url(segments[0]));
  const signature = base64url(segments[2]);
  if (signature.length !== SIGNATURE_BYTES) throw new Malformed("an ES256 signature is 64 bytes");
  if (header.alg !== "ES256" || typeof header.kid !== "string" || !KID.test(header.kid)) {
    throw new Malformed("not ES256 with a kid");
  }
  const claims = object(payload);
  const iat = numberClaim(claims, "iat");
  const exp = numberClaim(claims, "exp");
  if (!(exp > iat) || exp - iat > 15) throw new Malformed("lifetime other than 15 s");
  const vp = claims.vp;
  if (vp === null || typeof vp !== "object" || Array.isArray(vp)) throw new Malformed("no pass facts");
  const facts = {};
  const fd = dateClaim(vp, "fd");
  const bd = dateClaim(vp, "bd");
  if (fd) facts.finalDoseDate = fd;
  if (bd) facts.boosterDate = bd;
  if ("pcr" in vp) facts.pcrNoticeAt = new Date(numberClaim(vp, "pcr") * 1000).toISOString();
  const ex = textClaim(vp, "ex", false, 20);
  if (ex !== null) {
    if (!EXEMPTIONS.has(ex)) throw new Malformed("claim ex");
    facts.exemption = ex;
  }
  const exu = dateClaim(vp, "exu");
  if (exu) facts.exemptionUntil = exu;
  if ("by" in vp) {
    const by = numberClaim(vp, "by");
    if (by < -2147483648 || by > 2147483647) throw new Malformed("claim by");
    facts.birthYear = by;
  }
  const issuer = textClaim(claims, "iss", true, 20);
  const nonce = textClaim(claims, "jti", true, 64);
  return {
    kid: header.kid,
    issuer,
    holderId: textClaim(claims, "sub", true, 64),
    iat,
    exp,
    nonce,
    facts,
    signingInput: utf8.encode(segments[0] + "." + segments[1]),
    signature,
    payload,
  };
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * What makes two tokens the same check-in (PassToken.hash): SHA-256 over the issuer, 0x00, the
 * nonce, 0x00 and the signed claims' bytes, lower-case hex.
 */
export async function identity(token) {
  const iss = utf8.encode(token.issuer);
  const jti = utf8.encode(token.nonce);
  const all = new Uint8Array(iss.length + jti.length + 2 + token.payload.length);
  all.set(iss, 0);
  all.set(jti, iss.length + 1);
  all.set(token.payload, iss.length + jti.length + 2);
  return hex(await crypto.subtle.digest("SHA-256", all));
}

/** The portal's public key, from the JWK of GET /api/v1/door/key. */
export function importPortalKey(jwk) {
  const { kty, crv, x, y } = jwk;
  return crypto.subtle.importKey("jwk", { kty, crv, x, y, ext: true }, ECDSA, false, ["verify"]);
}

/**
 * The payload of a snapshot envelope, verified with the pinned portal key (docs/door.md section
 * 2): format and kid first, then the signature over exactly the payload's bytes, then the
 * payload's own format and facility. Throws UntrustedSnapshot.
 */
export async function openSnapshot(envelope, portalKey, portalKid, facilityId) {
  if (!envelope || envelope.format !== SNAPSHOT_FORMAT || envelope.kid !== portalKid) {
    throw new UntrustedSnapshot("not the portal's snapshot format or key");
  }
  let bytes;
  let signature;
  try {
    bytes = base64url(envelope.payload);
    signature = base64url(envelope.signature);
  } catch (e) {
    throw new UntrustedSnapshot("not base64url");
  }
  if (!(await crypto.subtle.verify(ES256, portalKey, signature, bytes))) {
    throw new UntrustedSnapshot("the signature does not verify");
  }
  let payload;
  try {
    payload = JSON.parse(text.decode(bytes));
  } catch (e) {
    throw new UntrustedSnapshot("not JSON");
  }
  if (payload.format !== SNAPSHOT_FORMAT || !payload.facility || payload.facility.id !== facilityId) {
    throw new UntrustedSnapshot("another facility's snapshot");
  }
  return payload;
}

/** The snapshot's trust list: kid to key, each SPKI imported on first use. */
export function trustKeys(payload) {
  const keys = new Map();
  for (const issuer of payload.issuers || []) {
    for (const k of issuer.keys || []) {
      keys.set(k.kid, {
        issuer: issuer.code,
        spki: k.spki,
        validFrom: Date.parse(k.validFrom),
        validUntil: k.validUntil == null ? null : Date.parse(k.validUntil),
        revoked: k.revoked === true,
        crypto: null,
      });
    }
  }
  return keys;
}

/**
 * The first problem of a token by PassVerifier's order, or null when genuine and current at
 * nowMs: UNKNOWN_ISSUER, REVOKED_KEY, KEY_NOT_VALID (iat outside the key's window),
 * BAD_SIGNATURE, EXPIRED (now > exp + skew), NOT_YET_VALID (iat > now + skew).
 */
export async function problemOf(token, keys, nowMs, skewSeconds) {
  const key = keys.get(token.kid);
  if (!key || key.issuer !== token.issuer) return "UNKNOWN_ISSUER";
  if (key.revoked) return "REVOKED_KEY";
  const iatMs = token.iat * 1000;
  if (iatMs < key.validFrom || (key.validUntil !== null && iatMs >= key.validUntil)) {
    return "KEY_NOT_VALID";
  }
  if (!key.crypto) {
    try {
      key.crypto = await crypto.subtle.importKey("spki", base64(key.spki), ECDSA, false, ["verify"]);
    } catch (e) {
      return "BAD_SIGNATURE";
    }
  }
  if (!(await crypto.subtle.verify(ES256, key.crypto, token.signature, token.signingInput))) {
    return "BAD_SIGNATURE";
  }
  const skewMs = skewSeconds * 1000;
  if (nowMs > token.exp * 1000 + skewMs) return "EXPIRED";
  if (iatMs > nowMs + skewMs) return "NOT_YET_VALID";
  return null;
}
