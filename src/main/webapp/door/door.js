// The door app (issue 15, docs/door.md sections 5-7): pairs with one facility, asks the portal
// while it answers within the budget, and otherwise answers from its own verification of the
// signed pass against the portal-signed snapshot, keeping every answer in IndexedDB before it is
// shown and sending the queue when the portal is reachable again.

import * as store from "./store.js";
import {
  Malformed,
  UntrustedSnapshot,
  base64url,
  identity,
  importPortalKey,
  openSnapshot,
  parseToken,
  problemOf,
  trustKeys,
} from "./verify.js";
import { decide } from "./pass-rules.js";

const API = new URL("../api/v1/", location.href).href;
const SAME_PRESENTATION_MS = 3000;
const HEARTBEAT_MS = 30000;
const SNAPSHOT_REFRESH_MS = 30 * 60000;
const SYNC_EVERY_MS = 5000;
const DOOR_FIRST_SYNC_MS = 3000;
const MAX_BACKOFF_MS = 60000;
const CLOCK_JUMP_MS = 2000;
const SEEN_KEEP_MS = 60 * 60000;
const MAX_RECORDS = 200;
const MAX_BATCH_BYTES = 131072 - 1024;
const CLEAN = /^[^\u0000-\u001f\u007f-\u009f]*$/;

const $ = (id) => document.getElementById(id);
const door = {
  texts: {},
  lang: "ko",
  pairing: null,
  portalKey: null,
  payload: null,
  keys: new Map(),
  mode: "ONLINE",
  localUntil: 0, // until then every scan is answered at the door without asking
  unpaired: false,
  queued: 0,
  rejected: 0,
  scans: 0,
  syncing: false,
  backoffMs: 0,
  nextSyncAt: 0,
  batchLimit: MAX_RECORDS,
  lastText: null,
  lastAt: 0,
  audio: null,
  camera: null,
  looping: false,
};

// ---- texts: the bundles' words, cached by the service worker for the offline door ------------

function t(key, ...args) {
  const text = door.texts[key];
  if (text == null) return "";
  return text.replace(/\{(\d+)\}/g, (_, i) => (args[i] == null ? "" : String(args[i])));
}

async function loadTexts(lang) {
  const answer = await fetch(`texts.json?lang=${lang}`);
  if (!answer.ok) throw new Error("texts");
  door.texts = await answer.json();
  door.lang = lang;
  document.documentElement.lang = lang;
  document.title = t("door.title");
  for (const el of document.querySelectorAll("[data-text]")) el.textContent = t(el.dataset.text);
  const party = $("party");
  const chosen = party.value || "NONE";
  party.replaceChildren(
    ...["NONE", "ALONE", "GROUP_ONE_UNVACCINATED"].map((p) => new Option(t(`party.${p}`), p)),
  );
  party.value = chosen;
  $("lang").textContent = t(lang === "ko" ? "lang.en" : "lang.ko");
  showFacility();
  showBanner();
}

// ---- the clock: the server's time as offset; never trusted across a jump ---------------------

const clock = {
  offsetMs: null,
  base: null, // Date.now() - performance.now() when the offset was taken (or the app started)
  lastWall: 0,
  jumped: false,

  async load() {
    const kept = await store.get("clock");
    this.base = Date.now() - performance.now();
    if (kept) {
      this.offsetMs = kept.offsetMs;
      this.lastWall = kept.lastWall;
      // the wall clock went back while the app was closed: the offset no longer holds
      if (Date.now() < kept.lastWall - CLOCK_JUMP_MS) this.jumped = true;
    }
  },

  /** The server's time as measured around one request: its answer's time at the midpoint. */
  async set(serverMs, sentAt, receivedAt) {
    if (!Number.isFinite(serverMs)) return;
    this.offsetMs = Math.round(serverMs - (sentAt + receivedAt) / 2);
    this.base = Date.now() - performance.now();
    this.lastWall = Date.now();
    this.jumped = false;
    await store.put("clock", { offsetMs: this.offsetMs, lastWall: this.lastWall });
  },

  /** The corrected time, or null when it cannot be trusted (no offset, or the clock jumped). */
  now() {
    if (this.offsetMs == null || this.jumped) return null;
    const wall = Date.now();
    if (Math.abs(wall - performance.now() - this.base) > CLOCK_JUMP_MS) {
      this.jumped = true;
      return null;
    }
    this.lastWall = Math.max(this.lastWall, wall);
    return wall + this.offsetMs;
  },

  keep() {
    if (this.offsetMs != null && !this.jumped && this.now() != null) {
      store.put("clock", { offsetMs: this.offsetMs, lastWall: this.lastWall }).catch(() => {});
    }
  },
};

// ---- the device API ---------------------------------------------------------------------------

function headers(extra) {
  return { Authorization: `Device ${door.pairing.secret}`, ...extra };
}

async function call(path, init = {}, budgetMs = 10000) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), budgetMs);
  try {
    return await fetch(API + path, { ...init, signal: abort.signal, cache: "no-store" });
  } finally {
    clearTimeout(timer);
  }
}

async function problemCode(answer) {
  try {
    return (await answer.json()).code || null;
  } catch (e) {
    return null;
  }
}

/** The portal refused the door's key: it was unpaired (here, or by the owner on the portal). */
function keyRefused(answer, code) {
  return answer.status === 401 || code === "FACILITY_NOT_FOUND";
}

function unpairedByPortal() {
  door.unpaired = true;
  showBanner();
  say("red", t("door.unpaired"), t("door.unpaired.hint", door.queued), "");
}

// ---- pairing and the snapshot -----------------------------------------------------------------

async function pair(secret) {
  say("idle", t("door.pairing"), "", "");
  const sentAt = Date.now();
  let receivedAt;
  let claimed;
  let key;
  let envelope;
  try {
    const keyAnswer = await fetch(API + "door/key", { cache: "no-store" });
    if (!keyAnswer.ok) throw new Error("key");
    key = await keyAnswer.json();
    const snapAnswer = await fetch(API + "door/snapshot", {
      cache: "no-store",
      headers: { Authorization: `Device ${secret}` },
    });
    if (snapAnswer.status === 401) {
      showPairing(t("door.pairing.refused"));
      return false;
    }
    if (!snapAnswer.ok) throw new Error("snapshot");
    envelope = await snapAnswer.json();
    receivedAt = Date.now();
  } catch (e) {
    showPairing(t("door.pairing.offline"));
    return false;
  }
  // the facility the key belongs to is the one of the first snapshot, once its signature holds
  let facilityId;
  try {
    claimed = JSON.parse(new TextDecoder().decode(base64url(envelope.payload)));
    facilityId = claimed.facility.id;
    const portalKey = await importPortalKey(key.jwk);
    await openSnapshot(envelope, portalKey, key.kid, facilityId);
  } catch (e) {
    showPairing(t("door.pairing.refused"));
    return false;
  }
  // the records waiting belong to the facility they were answered at: sent with its key only
  const waiting = await store.oldest(1);
  if (waiting.length > 0 && waiting[0].facilityId !== facilityId) {
    showPairing(t("door.pairing.queueFirst", await store.count("queue")));
    return false;
  }
  await store.forget();
  await store.put("lang", door.lang);
  await store.put("pairing", {
    secret,
    facilityId,
    portalKid: key.kid,
    portalJwk: key.jwk,
    pairedAt: new Date().toISOString(),
  });
  await store.put("envelope", envelope);
  await clock.set(Date.parse(claimed.serverTime), sentAt, receivedAt);
  return true;
}

/** Opens a snapshot envelope with the pinned key; null when it is not the portal's. */
async function opened(envelope) {
  if (!envelope) return null;
  try {
    return await openSnapshot(
      envelope,
      door.portalKey,
      door.pairing.portalKid,
      door.pairing.facilityId,
    );
  } catch (e) {
    if (e instanceof UntrustedSnapshot) return null;
    throw e;
  }
}

function use(payload) {
  door.payload = payload;
  door.keys = trustKeys(payload);
  if (payload.doorFirst) door.mode = "DOOR_FIRST";
  else if (door.mode === "DOOR_FIRST") door.mode = "ONLINE";
  $("partyRow").hidden = payload.facility.type !== payload.policy.diningRuleType;
  showFacility();
  showBanner();
}

async function refreshSnapshot() {
  if (door.unpaired) return;
  const sentAt = Date.now();
  let answer;
  try {
    answer = await call("door/snapshot", { headers: headers() });
  } catch (e) {
    wentOffline();
    return;
  }
  const receivedAt = Date.now();
  if (!answer.ok) {
    const code = await problemCode(answer);
    if (keyRefused(answer, code)) unpairedByPortal();
    return;
  }
  const envelope = await answer.json();
  const payload = await opened(envelope);
  if (!payload) return; // not the portal's: keep the one we have
  await store.put("envelope", envelope);
  await clock.set(Date.parse(payload.serverTime), sentAt, receivedAt);
  use(payload);
  cameBack();
}

// ---- modes ------------------------------------------------------------------------------------

function wentOffline() {
  if (door.mode !== "DOOR_FIRST") door.mode = "OFFLINE";
  door.localUntil = Date.now() + 15000;
  showBanner();
}

function degraded(retryAfterSeconds) {
  if (door.mode !== "DOOR_FIRST") door.mode = "DEGRADED";
  door.localUntil = Date.now() + Math.max(10, retryAfterSeconds || 0) * 1000;
  showBanner();
}

function cameBack() {
  if (door.mode === "OFFLINE") {
    door.mode = "ONLINE";
    // the portal answered again: the next visitor is asked of it, not of the door's 15 s pause
    // (a 503's Retry-After is the portal's own request, and is kept)
    door.localUntil = 0;
    showBanner();
  }
  door.nextSyncAt = 0;
}

function asksServer() {
  return door.mode !== "DOOR_FIRST" && Date.now() >= door.localUntil && !door.unpaired;
}

function reportedMode() {
  if (door.payload && door.payload.doorFirst) return "DOOR_FIRST";
  return door.mode;
}

// ---- answering ------------------------------------------------------------------------------

/** The same text again within 3 s of its last reading is the same presentation: dropped. */
function samePresentation(text, party) {
  const now = Date.now();
  const key = `${text}|${party}`;
  const same = key === door.lastText && now - door.lastAt < SAME_PRESENTATION_MS;
  door.lastText = key;
  door.lastAt = now;
  return same;
}

async function scan(text, party) {
  if (!text || samePresentation(text, party)) return;
  if (door.unpaired) {
    unpairedByPortal();
    return;
  }
  door.scans += 1;
  // a token this door admitted already is a second presentation (a screenshot passed back): the
  // portal would answer a device's retry of its own request the same again, so the door refuses
  // it itself, in every mode
  if (asksServer() && !(await admittedHere(text))) {
    const answered = await askServer(text, party);
    if (answered) return;
  }
  await answerAtDoor(text, party);
}

/** What makes a second presentation: the issuer's nonce, as the portal's replay ledger keys it. */
function nonceOf(token) {
  return `${token.issuer}\u0000${token.nonce}`;
}

async function admittedHere(text) {
  try {
    const token = parseToken(text);
    return await store.seen(nonceOf(token));
  } catch (e) {
    return false;
  }
}

/** The portal's answer within the budget; false when the door must answer itself. */
async function askServer(text, party) {
  const budget = (door.payload && door.payload.answerBudgetMs) || 800;
  const sentAt = Date.now();
  let answer;
  try {
    answer = await call(
      `facilities/${door.pairing.facilityId}/checkins`,
      {
        method: "POST",
        headers: headers({ "Content-Type": "application/json" }),
        body: JSON.stringify({ token: text, party }),
      },
      budget,
    );
  } catch (e) {
    if (e.name === "AbortError") degraded(0);
    else wentOffline();
    return false;
  }
  const receivedAt = Date.now();
  if (answer.status === 503 || answer.status === 429 || answer.status >= 500) {
    degraded(Number(answer.headers.get("Retry-After")) || 0);
    return false;
  }
  let body = {};
  try {
    body = await answer.json();
  } catch (e) {
    degraded(0);
    return false;
  }
  if (answer.status === 401) {
    unpairedByPortal();
    return true;
  }
  if (body.checkedAt) await clock.set(Date.parse(body.checkedAt), sentAt, receivedAt);
  if (door.mode !== "DOOR_FIRST" && door.mode !== "ONLINE") {
    door.mode = "ONLINE";
    showBanner();
  }
  const code = body.code || "MALFORMED";
  const green = answer.ok && body.admitted === true;
  if (green) {
    try {
      const token = parseToken(text);
      await store.remember(nonceOf(token));
    } catch (e) {
      // the portal admitted what the door cannot read: nothing to remember
    }
  }
  show(code, body.reason || null, party, false);
  return true;
}

function localProblem() {
  const now = clock.now();
  if (now == null) return { stop: "door.clockUntrusted", hint: "door.clockUntrusted.hint" };
  if (!door.payload) return { stop: "door.noSnapshot", hint: "door.mustReconnect.hint" };
  if (now > Date.parse(door.payload.validUntil)) {
    return { stop: "door.mustReconnect", hint: "door.mustReconnect.hint" };
  }
  return { now };
}

/** The door's own answer, kept in IndexedDB before it is shown. */
async function answerAtDoor(text, party) {
  const { now, stop, hint } = localProblem();
  if (stop) {
    // no answer at all rather than one on a clock or a trust list the door cannot trust
    say("red", t(stop), t(hint), "");
    chime();
    return;
  }
  let token = null;
  let outcome;
  let reason = null;
  const status = door.payload.facility.status;
  if (status === "SUSPENDED" || status === "CLOSED") {
    outcome = `FACILITY_${status}`;
  } else {
    try {
      token = parseToken(text);
    } catch (e) {
      if (!(e instanceof Malformed)) throw e;
      outcome = "MALFORMED";
    }
  }
  let seenKey = null;
  if (token) {
    const problem = await problemOf(token, door.keys, now, door.payload.clockSkewSeconds);
    const nonceKey = nonceOf(token);
    if (problem) {
      outcome = problem;
    } else if (await store.seen(nonceKey)) {
      outcome = "REPLAYED";
    } else {
      const decision = decide(door.payload.policy, door.payload.facility, token.facts, now, party);
      outcome = decision.outcome;
      reason = decision.reason;
      if (outcome === "PASS" || outcome === "EXEMPT") seenKey = nonceKey;
    }
  }
  // a scan that is not even clean text cannot be sent (nor is it a check-in): answered, not kept
  const sendable = text.length <= 2048 && CLEAN.test(text);
  const record = sendable
    ? {
        id: crypto.randomUUID(),
        token: text,
        at: new Date(now).toISOString(),
        outcome,
        reason,
        party,
        digest: token ? await identity(token) : null,
        facilityId: door.pairing.facilityId,
      }
    : null;
  await store.keep(record, seenKey);
  if (record) door.queued += 1;
  show(outcome, reason, party, true);
  showBanner();
}

function show(code, reason, party, atDoor) {
  const green = code === "PASS" || code === "EXEMPT";
  const headline = t(`scanner.result.${code}`) || t("scanner.result.MALFORMED");
  const detail = reason ? t(`pass.reason.${reason}`) : "";
  let hint = "";
  if (code === "REPLAYED") hint = t("scanner.replayedHint");
  else if (
    code === "NO_PASS" &&
    party === "NONE" &&
    door.payload &&
    door.payload.facility.type === door.payload.policy.diningRuleType
  ) {
    hint = t("scanner.soloDinerHint");
  }
  say(green ? "green" : "red", headline, detail, hint, atDoor ? t("door.answer.atDoor") : "");
  if (!green) chime();
}

function say(tone, headline, detail, hint, note = "") {
  const result = $("result");
  result.dataset.tone = tone;
  result.dataset.answers = String(Number(result.dataset.answers || 0) + 1);
  $("headline").textContent = headline;
  $("detail").textContent = detail || "";
  $("hint").textContent = hint || "";
  $("answerNote").textContent = note || "";
  $("count").textContent = t("door.count", door.scans);
}

function chime() {
  try {
    door.audio = door.audio || new AudioContext();
    for (const at of [0, 0.18]) {
      const osc = door.audio.createOscillator();
      const gain = door.audio.createGain();
      osc.type = "square";
      osc.frequency.value = 880;
      gain.gain.value = 0.15;
      osc.connect(gain);
      gain.connect(door.audio.destination);
      osc.start(door.audio.currentTime + at);
      osc.stop(door.audio.currentTime + at + 0.12);
    }
  } catch (e) {
    // no sound here: the red panel says it
  }
}

// ---- the queue: sent oldest first in batches, idempotent by record id -------------------------

function batchOf(records) {
  const batch = [];
  let bytes = 20;
  for (const r of records) {
    const sent = { id: r.id, token: r.token, at: r.at, outcome: r.outcome, party: r.party };
    if (r.reason) sent.reason = r.reason;
    const size = new TextEncoder().encode(JSON.stringify(sent)).length + 1;
    if (batch.length > 0 && bytes + size > MAX_BATCH_BYTES) break;
    batch.push({ record: r, sent });
    bytes += size;
  }
  return batch;
}

function backOff(retryAfterSeconds) {
  door.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(2000, door.backoffMs * 2));
  const wait = Math.max(door.backoffMs, (retryAfterSeconds || 0) * 1000);
  door.nextSyncAt = Date.now() + wait;
}

async function sync() {
  if (door.syncing || door.unpaired || !door.pairing || Date.now() < door.nextSyncAt) return;
  door.syncing = true;
  try {
    for (;;) {
      const records = (await store.oldest(door.batchLimit)).filter(
        (r) => r.facilityId === door.pairing.facilityId,
      );
      if (records.length === 0) break;
      const batch = batchOf(records);
      let answer;
      try {
        answer = await call(`facilities/${door.pairing.facilityId}/door-visits`, {
          method: "POST",
          headers: headers({ "Content-Type": "application/json" }),
          body: JSON.stringify({ records: batch.map((b) => b.sent) }),
        });
      } catch (e) {
        wentOffline();
        backOff(0);
        break;
      }
      if (answer.ok) {
        const body = await answer.json();
        const answeredIds = new Set((body.records || []).map((r) => r.id));
        await store.drop(batch.filter((b) => answeredIds.has(b.record.id)).map((b) => b.record.seq));
        await store.put("lastSync", { at: new Date().toISOString(), records: body.records.length });
        door.backoffMs = 0;
        door.batchLimit = MAX_RECORDS;
        cameBack();
        continue;
      }
      const code = await problemCode(answer);
      if (keyRefused(answer, code)) {
        unpairedByPortal();
        break;
      }
      if (answer.status === 400 && batch.length === 1) {
        // the portal cannot read this one record: set aside (kept and counted), the rest go on
        await store.reject(batch[0].record);
        continue;
      }
      if (answer.status === 400 || answer.status === 413 || answer.status === 422) {
        door.batchLimit = Math.max(1, Math.ceil(batch.length / 2));
        continue;
      }
      if (answer.status >= 500 || answer.status === 429) degraded(0);
      backOff(Number(answer.headers.get("Retry-After")) || 0);
      break;
    }
  } finally {
    door.syncing = false;
    await counted();
  }
}

async function counted() {
  door.queued = await store.count("queue");
  door.rejected = await store.count("rejected");
  showBanner();
}

async function heartbeat() {
  if (door.unpaired || !door.pairing) return;
  const oldest = (await store.oldest(1))[0];
  const body = {
    mode: reportedMode(),
    queued: door.queued,
    oldestQueuedAt: oldest ? oldest.at : null,
    snapshotIssuedAt: door.payload ? door.payload.issuedAt : null,
    clockOffsetMs: clock.offsetMs,
  };
  try {
    const answer = await call("door/state", {
      method: "PUT",
      headers: headers({ "Content-Type": "application/json" }),
      body: JSON.stringify(body),
    });
    if (answer.status === 401) unpairedByPortal();
    else if (answer.ok) cameBack();
  } catch (e) {
    wentOffline();
  }
}

// ---- the screen ---------------------------------------------------------------------------------

function showFacility() {
  $("facility").textContent = door.payload ? door.payload.facility.name : "";
}

function showBanner() {
  const banner = $("banner");
  if (!door.pairing && !door.unpaired) {
    // not paired yet: no mode, no queue to speak of
    banner.textContent = "";
    $("queued").textContent = "";
    return;
  }
  let state = door.unpaired ? "UNPAIRED" : reportedMode();
  const now = door.payload ? clock.now() : null;
  if (!door.unpaired && door.payload && now != null && now > Date.parse(door.payload.validUntil)) {
    state = "STALE";
  }
  banner.dataset.mode = state;
  banner.textContent = t(`door.mode.${state}`);
  $("queued").textContent = t("door.queued", door.queued);
  $("queued").dataset.count = String(door.queued);
  $("rejected").textContent = door.rejected > 0 ? t("door.rejected", door.rejected) : "";
}

function showPairing(message) {
  $("pairing").hidden = false;
  $("scanner").hidden = true;
  $("pairingMessage").textContent = message || "";
  document.body.dataset.state = "unpaired";
}

function showScanner() {
  $("pairing").hidden = true;
  $("scanner").hidden = false;
  document.body.dataset.state = "ready";
  say("idle", t("scanner.ready"), "", "");
  focusField();
}

function focusField() {
  const field = $("token");
  field.value = "";
  field.focus();
}

function startCamera() {
  if (typeof Html5Qrcode === "undefined" || !navigator.mediaDevices) {
    say("red", t("scanner.camera.unavailable"), "", "");
    return;
  }
  if (door.camera) {
    door.camera.stop().catch(() => {});
    door.camera = null;
    return;
  }
  door.camera = new Html5Qrcode("reader");
  door.camera
    .start({ facingMode: "environment" }, { fps: 10, qrbox: 250 }, (text) =>
      scan(text.trim(), $("party").value),
    )
    .catch(() => {
      door.camera = null;
      say("red", t("scanner.camera.unavailable"), "", "");
    });
}

async function unpair() {
  if (!window.confirm(t("door.unpair.confirm", door.queued))) return;
  if (door.queued > 0) await sync();
  try {
    const answer = await call("door/pairing", { method: "DELETE", headers: headers() });
    if (!answer.ok && answer.status !== 401) throw new Error("unpair");
  } catch (e) {
    say("red", t("door.unpair.offline"), "", "");
    return;
  }
  door.unpaired = true;
  await store.forget();
  door.pairing = null;
  door.payload = null;
  showPairing(t("door.unpair.done"));
}

function wire() {
  $("scanForm").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("token").value.trim();
    $("token").value = "";
    await scan(text, $("party").value);
    focusField();
  });
  $("camera").addEventListener("click", startCamera);
  $("party").addEventListener("change", focusField);
  $("unpair").addEventListener("click", unpair);
  $("lang").addEventListener("click", async () => {
    const other = door.lang === "ko" ? "en" : "ko";
    try {
      await loadTexts(other);
      await store.put("lang", other);
      if (door.pairing) say("idle", t("scanner.ready"), "", "");
    } catch (e) {
      // the other language is not cached yet and the portal is away: stay in this one
    }
  });
}

function loops() {
  setInterval(() => {
    clock.keep();
    showBanner();
  }, 5000);
  setInterval(heartbeat, HEARTBEAT_MS);
  setInterval(refreshSnapshot, SNAPSHOT_REFRESH_MS);
  setInterval(
    () => sync(),
    door.payload && door.payload.doorFirst ? DOOR_FIRST_SYNC_MS : SYNC_EVERY_MS,
  );
  setInterval(() => store.forgetSeenBefore(Date.now() - SEEN_KEEP_MS), 10 * 60000);
  window.addEventListener("online", () => {
    door.nextSyncAt = 0;
    refreshSnapshot();
  });
}

/** The key of #pair=<key>, or "" for a #pair= that holds none, or null without one. */
function fragmentSecret() {
  const hash = location.hash;
  if (!hash.startsWith("#pair=")) return null;
  // the key leaves the address bar and the history at once
  history.replaceState(null, "", location.pathname + location.search);
  const match = /^#pair=([A-Za-z0-9._~-]{8,200})$/.exec(hash);
  return match ? match[1] : "";
}

/** Opens the door: pairs first when a key came with the address, else with what it holds. */
async function begin(secret) {
  if (secret === "") {
    showPairing(t("door.pairing.refused"));
    return;
  }
  if (secret && !(await pair(secret))) return;
  door.pairing = await store.get("pairing");
  if (!door.pairing) {
    showPairing("");
    return;
  }
  door.unpaired = false;
  // a queue the browser must not evict under storage pressure
  if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  door.portalKey = await importPortalKey(door.pairing.portalJwk);
  // the snapshot is verified again each time it is read back: a changed cache adds no issuer
  const payload = await opened(await store.get("envelope"));
  if (payload) use(payload);
  await counted();
  showScanner();
  if (!door.looping) {
    door.looping = true;
    loops();
  }
  await refreshSnapshot();
  await heartbeat();
  sync();
}

async function main() {
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("sw.js", { scope: "./" }).catch(() => {});
    // the door starts with no portal once its worker is active (its files are then cached)
    navigator.serviceWorker.ready.then(() => {
      document.body.dataset.offline = "ready";
    });
  }
  const browser = (navigator.language || "ko").toLowerCase().startsWith("en") ? "en" : "ko";
  await loadTexts((await store.get("lang")) || browser);
  wire();
  await clock.load();
  // an owner pairing again from the portal, on the page already open
  window.addEventListener("hashchange", () => {
    const secret = fragmentSecret();
    if (secret !== null) begin(secret).catch(failed);
  });
  await begin(fragmentSecret());
}

function failed() {
  say("red", t("door.failed"), "", "");
}

main().catch(failed);
