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

/**
 * A JSON number as nimbus reads it (Gson, ToNumberPolicy.LONG_OR_DOUBLE): the exact long when the
 * text is an integer that fits one, else the double.
 */
class JsonNumber {
  constructor(source) {
    const integer = /^-?\d+$/.test(source) ? BigInt(source) : null;
    this.long = integer !== null && integer >= LONG_MIN && integer <= LONG_MAX ? integer : null;
    this.double = Number(source);
    if (this.long === null && !Number.isFinite(this.double)) throw new Malformed("not JSON");
  }
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;
/** Instant.MIN and Instant.MAX in epoch seconds. */
const INSTANT_MIN = -31557014167219200n;
const INSTANT_MAX = 31556889864403199n;
/** Gson's default nesting limit, as nimbus parses a JOSE header or claims set. */
const MAX_DEPTH = 255;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * Strict JSON (RFC 8259) as nimbus's JSONObjectUtils.parse reads it: a top-level object whose
 * member names are distinct (inner objects keep the last of a repeated name), at most 255 levels
 * deep, numbers kept exact (JsonNumber), objects without a prototype. Malformed otherwise.
 */
function parseJson(textValue) {
  let i = 0;
  let depth = 0;
  const fail = () => {
    throw new Malformed("not JSON");
  };
  const ws = () => {
    while (i < textValue.length) {
      const c = textValue[i];
      if (c === " " || c === "\t" || c === "\n" || c === "\r") i++;
      else break;
    }
  };
  const string = () => {
    i++; // the opening quote
    let out = "";
    for (;;) {
      if (i >= textValue.length) fail();
      const c = textValue[i++];
      if (c === '"') return out;
      if (c.charCodeAt(0) < 0x20) fail();
      if (c !== "\\") {
        out += c;
        continue;
      }
      const e = textValue[i++];
      if (e === '"' || e === "\\" || e === "/") out += e;
      else if (e === "b") out += "\b";
      else if (e === "f") out += "\f";
      else if (e === "n") out += "\n";
      else if (e === "r") out += "\r";
      else if (e === "t") out += "\t";
      else if (e === "u") {
        const h = textValue.slice(i, i + 4);
        if (!/^[0-9A-Fa-f]{4}$/.test(h)) fail();
        out += String.fromCharCode(parseInt(h, 16));
        i += 4;
      } else fail();
    }
  };
  const value = (top) => {
    ws();
    const c = textValue[i];
    if (c === "{" || c === "[") {
      if (++depth > MAX_DEPTH) fail();
      i++;
      const result = c === "{" ? Object.create(null) : [];
      ws();
      if (textValue[i] === (c === "{" ? "}" : "]")) {
        i++;
      } else {
        for (;;) {
          if (c === "{") {
            ws();
            if (textValue[i] !== '"') fail();
            const name = string();
            ws();
            if (textValue[i++] !== ":") fail();
            const member = value(false);
            if (top && Object.prototype.hasOwnProperty.call(result, name)) fail();
            result[name] = member;
          } else {
            result.push(value(false));
          }
          ws();
          const next = textValue[i++];
          if (next === ",") continue;
          if (next === (c === "{" ? "}" : "]")) break;
          fail();
        }
      }
      depth--;
      return result;
    }
    if (c === '"') return string();
    for (const [word, literal] of [
      ["true", true],
      ["false", false],
      ["null", null],
    ]) {
      if (textValue.startsWith(word, i)) {
        i += word.length;
        return literal;
      }
    }
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(textValue);
    if (!m || m[0].length === 0) fail();
    i += m[0].length;
    return new JsonNumber(m[0]);
  };
  ws();
  if (textValue[i] !== "{") fail();
  const result = value(true);
  ws();
  if (i !== textValue.length) fail();
  return result;
}

/** A JSON object from bytes (UTF-8, a leading BOM skipped as nimbus does), or Malformed. */
function object(bytes) {
  return parseJson(text.decode(bytes));
}

function isObject(value) {
  return (
    value !== null &&
    typeof value === "object" &&
    !Array.isArray(value) &&
    !(value instanceof JsonNumber)
  );
}

/** Java's Character.isWhitespace, for String.isBlank. */
function javaWhitespace(c) {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x2006) ||
    (c >= 0x2008 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x205f ||
    c === 0x3000
  );
}

function blank(s) {
  for (let i = 0; i < s.length; i++) if (!javaWhitespace(s.charCodeAt(i))) return false;
  return true;
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

/** PassToken.string: absent or null is null unless required; else a clean, non-blank text. */
function textClaim(claims, name, required, max) {
  const value = claims[name];
  if (value == null && !required) return null;
  if (typeof value === "string" && !blank(value) && clean(value, max)) return value;
  throw new Malformed("claim " + name);
}

/** PassToken.number: an integral JSON number as Java's long (a double saturates), exact. */
function longClaim(claims, name) {
  const value = claims[name];
  if (!(value instanceof JsonNumber)) throw new Malformed("claim " + name);
  if (value.long !== null) return value.long;
  const d = value.double;
  if (!Number.isInteger(d)) throw new Malformed("claim " + name);
  if (d >= 2 ** 63) return LONG_MAX;
  if (d <= -(2 ** 63)) return LONG_MIN;
  return BigInt(d);
}

/** Instant.ofEpochSecond's range. */
function epochClaim(claims, name) {
  const value = longClaim(claims, name);
  if (value < INSTANT_MIN || value > INSTANT_MAX) throw new Malformed("claim " + name);
  return value;
}

function leapYear(y) {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** LocalDate.parse (ISO_LOCAL_DATE, strict) of a text of at most 10 chars. */
function dateClaim(claims, name) {
  const value = textClaim(claims, name, false, 10);
  if (value === null) return null;
  const m = DATE.exec(value);
  if (!m) throw new Malformed("claim " + name);
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const days = [31, leapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1]) throw new Malformed("claim " + name);
  return value;
}

/**
 * An instant of whole epoch seconds as ISO-8601 UTC text: Instant.toString's for the years 0000 to
 * 9999, and the expanded ±YYYYYY years that Date.parse reads beyond them.
 */
function instantText(seconds) {
  let days = seconds / 86400n;
  let rest = seconds % 86400n;
  if (rest < 0n) {
    rest += 86400n;
    days -= 1n;
  }
  // civil_from_days (H. Hinnant), in Numbers: |days| < 2^40
  const z = Number(days) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const two = (n) => String(n).padStart(2, "0");
  const s = Number(rest);
  const yearText =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, "0")
      : (year < 0 ? "-" : "+") + String(Math.abs(year)).padStart(6, "0");
  return (
    yearText + "-" + two(month) + "-" + two(day) + "T" +
    two(Math.floor(s / 3600)) + ":" + two(Math.floor(s / 60) % 60) + ":" + two(s % 60) + "Z"
  );
}

/** nimbus's JWSHeader.parse: its registered members in their types (null is absent). */
function checkHeader(header) {
  if ("enc" in header) throw new Malformed("not a JWS header");
  for (const name of ["typ", "cty", "kid", "x5t", "x5t#S256", "jku", "x5u"]) {
    if (header[name] != null && typeof header[name] !== "string") {
      throw new Malformed("header " + name);
    }
  }
  // not mirrored: nimbus also reads jku and x5u as java.net.URI and an embedded jwk as a JWK;
  // no issuer sends either, and the door refuses a token with a jwk
  if (header.jwk != null) throw new Malformed("header jwk");
  const x5c = header.x5c;
  if (x5c != null && !(Array.isArray(x5c) && x5c.every((c) => typeof c === "string"))) {
    throw new Malformed("header x5c");
  }
  const crit = header.crit;
  const names = (c) => c === null || typeof c === "string";
  if (crit != null && !(Array.isArray(crit) && crit.every(names))) {
    throw new Malformed("header crit");
  }
  if ("b64" in header && typeof header.b64 !== "boolean") throw new Malformed("header b64");
  return crit != null && crit.length > 0;
}

/**
 * Reads a token without trusting it, as PassToken.parse does: three canonical base64url
 * segments, a 64-byte signature, ES256 with a kid, integer iat and exp with 0 < exp - iat <= 15 s,
 * clean iss (<= 20), sub and jti (<= 64), the pass facts in vp; JSON read as nimbus reads it.
 * Throws nothing but Malformed.
 *
 * @returns {{kid, issuer, holderId, iat, exp, nonce, facts, signingInput, signature, payload}}
 *     iat and exp in epoch seconds; facts as the rules module takes them
 */
export function parseToken(compact) {
  try {
    return read(compact);
  } catch (e) {
    if (e instanceof Malformed) throw e;
    throw new Malformed(String(e));
  }
}

function read(compact) {
  if (typeof compact !== "string" || compact.length === 0 || compact.length > MAX_TOKEN) {
    throw new Malformed("empty or too long");
  }
  const segments = compact.split(".");
  if (segments.length !== 3) throw new Malformed("not three segments");
  const payload = base64url(segments[1]);
  const headerBytes = base64url(segments[0]);
  const signature = base64url(segments[2]);
  if (signature.length !== SIGNATURE_BYTES) throw new Malformed("an ES256 signature is 64 bytes");
  const header = object(headerBytes);
  if (header.alg !== "ES256" || typeof header.kid !== "string" || !KID.test(header.kid)) {
    throw new Malformed("not ES256 with a kid");
  }
  const critical = checkHeader(header);
  const claims = object(payload);
  const iat = epochClaim(claims, "iat");
  const exp = epochClaim(claims, "exp");
  if (!(exp > iat) || exp - iat > 15n) throw new Malformed("lifetime other than 15 s");
  const vp = claims.vp;
  if (!isObject(vp)) throw new Malformed("no pass facts");
  const facts = {};
  const fd = dateClaim(vp, "fd");
  const bd = dateClaim(vp, "bd");
  if (fd) facts.finalDoseDate = fd;
  if (bd) facts.boosterDate = bd;
  if ("pcr" in vp) facts.pcrNoticeAt = instantText(epochClaim(vp, "pcr"));
  const ex = textClaim(vp, "ex", false, 20);
  if (ex !== null) {
    if (!EXEMPTIONS.has(ex)) throw new Malformed("claim ex");
    facts.exemption = ex;
  }
  const exu = dateClaim(vp, "exu");
  if (exu) facts.exemptionUntil = exu;
  if ("by" in vp) {
    const by = longClaim(vp, "by");
    if (by < -2147483648n || by > 2147483647n) throw new Malformed("claim by");
    facts.birthYear = Number(by);
  }
  const issuer = textClaim(claims, "iss", true, 20);
  const nonce = textClaim(claims, "jti", true, 64);
  return {
    kid: header.kid,
    issuer,
    holderId: textClaim(claims, "sub", true, 64),
    iat: Number(iat),
    exp: Number(exp),
    nonce,
    facts,
    signingInput:
      header.b64 === false
        ? unencoded(segments[0], payload)
        : utf8.encode(segments[0] + "." + segments[1]),
    signature,
    payload,
    critical,
  };
}

/**
 * The signing input of RFC 7797's unencoded payload (b64 false), as nimbus verifies it: the
 * header's segment, a dot and the claims' bytes themselves. nimbus does not ask for "b64" in crit
 * (and with crit present Es256Verifier refuses the token).
 */
function unencoded(headerSegment, payload) {
  const head = utf8.encode(headerSegment + ".");
  const all = new Uint8Array(head.length + payload.length);
  all.set(head, 0);
  all.set(payload, head.length);
  return all;
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

/**
 * An ISO-8601 instant of the snapshot (Instant.toString) as the first whole epoch second at or
 * after it, so that a token's whole-second iat compares with it as Java compares the instants.
 */
function secondsAtOrAfter(value) {
  const m = /^(.*:\d{2})(?:\.(\d+))?Z$/.exec(String(value));
  const ms = m ? Date.parse(m[1] + "Z") : NaN;
  if (Number.isNaN(ms)) throw new UntrustedSnapshot("not an instant: " + value);
  return ms / 1000 + (m[2] && /[1-9]/.test(m[2]) ? 1 : 0);
}

/** The snapshot's trust list: kid to key, each SPKI imported on first use. */
export function trustKeys(payload) {
  const keys = new Map();
  for (const issuer of payload.issuers || []) {
    for (const k of issuer.keys || []) {
      keys.set(k.kid, {
        issuer: issuer.code,
        spki: k.spki,
        validFrom: secondsAtOrAfter(k.validFrom),
        validUntil: k.validUntil == null ? null : secondsAtOrAfter(k.validUntil),
        revoked: k.revoked === true,
        crypto: null,
      });
    }
  }
  return keys;
}

/**
 * The first problem of a token by PassVerifier's order, or null when genuine and current at
 * nowMs: UNKNOWN_ISSUER, REVOKED_KEY, KEY_NOT_VALID (iat outside the key's window [validFrom,
 * validUntil)), BAD_SIGNATURE (also a header with critical parameters, which Es256Verifier
 * refuses), EXPIRED (now > exp + skew), NOT_YET_VALID (iat > now + skew).
 */
export async function problemOf(token, keys, nowMs, skewSeconds) {
  const key = keys.get(token.kid);
  if (!key || key.issuer !== token.issuer) return "UNKNOWN_ISSUER";
  if (key.revoked) return "REVOKED_KEY";
  if (token.iat < key.validFrom || (key.validUntil !== null && token.iat >= key.validUntil)) {
    return "KEY_NOT_VALID";
  }
  if (!key.crypto) {
    try {
      key.crypto = await crypto.subtle.importKey("spki", base64(key.spki), ECDSA, false, ["verify"]);
    } catch (e) {
      // the portal leaves a key it cannot read out of its trust list (TrustList.reload)
      return "UNKNOWN_ISSUER";
    }
  }
  if (token.critical) return "BAD_SIGNATURE";
  if (!(await crypto.subtle.verify(ES256, key.crypto, token.signature, token.signingInput))) {
    return "BAD_SIGNATURE";
  }
  const skewMs = skewSeconds * 1000;
  if (nowMs > token.exp * 1000 + skewMs) return "EXPIRED";
  if (token.iat * 1000 > nowMs + skewMs) return "NOT_YET_VALID";
  return null;
}
