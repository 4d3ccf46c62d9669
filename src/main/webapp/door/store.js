// The door app's memory (IndexedDB, docs/door.md section 5): what it was paired with, the signed
// snapshot as received, its clock, the queue of visits answered at the door and still to send, and
// the nonces it admitted (local replays). Each answer's record is committed here before the answer
// is shown, so a closed tab, a crashed browser or a reboot loses nothing that was shown.

const NAME = "vaccinepass-door";
const VERSION = 1;
let opened = null;

function request(r) {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("aborted"));
  });
}

/** The database, opened (and made) once. */
export function open() {
  if (!opened) {
    opened = new Promise((resolve, reject) => {
      const r = indexedDB.open(NAME, VERSION);
      r.onupgradeneeded = () => {
        const db = r.result;
        db.createObjectStore("config");
        // oldest first by seq, the order of answering
        db.createObjectStore("queue", { keyPath: "seq", autoIncrement: true });
        // records the portal refused as malformed one by one: kept, counted, never dropped silently
        db.createObjectStore("rejected", { keyPath: "seq" });
        const seen = db.createObjectStore("seen", { keyPath: "key" });
        seen.createIndex("at", "at");
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
  }
  return opened;
}

export async function get(key) {
  const db = await open();
  return request(db.transaction("config").objectStore("config").get(key));
}

export async function put(key, value) {
  const db = await open();
  const tx = db.transaction("config", "readwrite");
  tx.objectStore("config").put(value, key);
  return done(tx);
}

/** Forgets the pairing, the snapshot and the clock; the queue stays until it is sent. */
export async function forget() {
  const db = await open();
  const tx = db.transaction(["config", "seen"], "readwrite");
  tx.objectStore("config").clear();
  tx.objectStore("seen").clear();
  return done(tx);
}

/** Whether a nonce (issuer + jti) was admitted at this door. */
export async function seen(key) {
  const db = await open();
  return (await request(db.transaction("seen").objectStore("seen").get(key))) !== undefined;
}

/**
 * One answer, durably: its record in the queue (when there is one to send) and, for a green
 * answer, its nonce among the seen ones, in one transaction. Resolves once committed.
 */
export async function keep(record, seenKey) {
  const db = await open();
  const tx = db.transaction(["queue", "seen"], "readwrite", { durability: "strict" });
  if (record) tx.objectStore("queue").add(record);
  if (seenKey) tx.objectStore("seen").put({ key: seenKey, at: Date.now() });
  return done(tx);
}

/** Marks a nonce as seen (a green answer of the server). */
export function remember(seenKey) {
  return keep(null, seenKey);
}

/** Drops the seen nonces older than a limit: a token is valid for seconds, not hours. */
export async function forgetSeenBefore(ms) {
  const db = await open();
  const tx = db.transaction("seen", "readwrite");
  const range = IDBKeyRange.upperBound(ms, true);
  const index = tx.objectStore("seen").index("at");
  const cursor = index.openCursor(range);
  cursor.onsuccess = () => {
    const c = cursor.result;
    if (c) {
      c.delete();
      c.continue();
    }
  };
  return done(tx);
}

/** The oldest records of the queue, at most limit of them. */
export async function oldest(limit) {
  const db = await open();
  return request(db.transaction("queue").objectStore("queue").getAll(null, limit));
}

export async function count(storeName = "queue") {
  const db = await open();
  return request(db.transaction(storeName).objectStore(storeName).count());
}

/** The records answered by the portal leave the queue (by their seq). */
export async function drop(seqs) {
  const db = await open();
  const tx = db.transaction("queue", "readwrite");
  const queue = tx.objectStore("queue");
  for (const seq of seqs) queue.delete(seq);
  return done(tx);
}

/** A record the portal refuses as malformed on its own moves aside, kept. */
export async function reject(record) {
  const db = await open();
  const tx = db.transaction(["queue", "rejected"], "readwrite");
  tx.objectStore("rejected").put(record);
  tx.objectStore("queue").delete(record.seq);
  return done(tx);
}
