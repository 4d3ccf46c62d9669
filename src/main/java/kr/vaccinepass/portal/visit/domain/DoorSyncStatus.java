package kr.vaccinepass.portal.visit.domain;

/** What the server made of one record a door sent (docs/door.md, "Sync"). */
public enum DoorSyncStatus {
  /** Admitted by the door and by the server: stored as a door-verified visit. */
  STORED,
  /** The same check-in was recorded before (online, or by another record): nothing new. */
  DUPLICATE,
  /** The token's nonce was admitted first at another facility: refused here as a replay. */
  REPLAY,
  /** The door and the server disagree; flagged, and the visit stored when the door admitted. */
  DISAGREEMENT,
  /** Refused by the door and the server, or a record outside the sync limits. */
  REFUSED
}
