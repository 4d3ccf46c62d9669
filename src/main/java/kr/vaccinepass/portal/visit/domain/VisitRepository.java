package kr.vaccinepass.portal.visit.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.vaccinepass.portal.shared.domain.PageRequest;

/** Where visits, device keys and refusal counts are kept. */
public interface VisitRepository {
  /** Stores a visit and flushes, so a duplicate nonce or call id fails here. */
  Visit add(Visit visit);

  /**
   * Stores QR visits in one go (group commit): each gets an id and claims its nonce; one whose
   * nonce is claimed already (a replay, or the same check-in recorded by another node or before a
   * restart) is not stored. The ids in the order of the visits, null for those not stored.
   */
  List<Long> addAll(List<Visit> visits);

  /** Whether the store answers now: a connection can be had and is valid (within a second). */
  boolean reachable();

  Optional<Visit> find(long id);

  Optional<Visit> findByNonce(String nonce);

  Optional<Visit> findCall(String callId);

  /** The facility's visits at or after {@code since}, filtered and sorted. */
  List<Visit> list(long facilityId, Instant since, VisitFilter filter, PageRequest page);

  long count(long facilityId, Instant since, VisitFilter filter);

  /** Admitted check-ins of the facility per KST hour of that day (24 entries). */
  long[] perHour(long facilityId, LocalDate day);

  /**
   * Destroys the visits before that instant that are not in a day's partition (the default
   * partition), and the call claims before it; the number of visits destroyed.
   */
  int deleteBefore(Instant cutoff);

  /** Forgets the token nonces claimed before that instant (a token lives 15 s). */
  int deleteNonceClaimsBefore(Instant cutoff);

  /** The KST days that have a partition of their own. */
  List<LocalDate> partitionDays();

  /**
   * Creates the partition of a KST day unless it exists; false when it cannot be made because the
   * default partition already holds visits of that day (they stay there, and are still found).
   */
  boolean createPartition(LocalDate day);

  /** Drops the partition of a KST day with every visit in it: a day destroyed at once. */
  void dropPartition(LocalDate day);

  void addDenials(LocalDate day, long facilityId, String code, long count);

  long denials(LocalDate day, long facilityId, String code);

  /** Refused check-ins of the facility on that day, all codes together. */
  long denials(LocalDate day, long facilityId);

  DeviceKey add(DeviceKey key);

  Optional<DeviceKey> findDeviceKey(long id);

  Optional<DeviceKey> findDeviceKeyByHash(String secretHash);

  List<DeviceKey> deviceKeys(long facilityId);

  /**
   * Stores door-verified visits and claims their nonces, in one statement: each visit's id, in
   * order, or null where its nonce was claimed already (by a check-in that committed meanwhile).
   */
  List<Long> addDoorVisits(List<Visit> visits);

  /** The record a door of that facility sent before under that id, with its answer. */
  Optional<DoorRecord> findDoorRecord(long facilityId, String recordId);

  /** A kept door record of that nonce that admitted the token (stored or duplicate), if any. */
  Optional<DoorRecord> admittedDoorRecord(String nonce);

  /**
   * Of these record ids, those a door of that facility sent before (one query for a whole batch:
   * the others need no {@link #findDoorRecord} each).
   */
  Set<String> doorRecordIds(long facilityId, Collection<String> recordIds);

  /**
   * Of these nonces, those a visit claims ({@link #findByNonce}) or a door record admitted ({@link
   * #admittedDoorRecord}): one query for a whole batch, so that a nonce seen nowhere needs neither.
   */
  Set<String> seenNonces(Collection<String> nonces);

  /**
   * A door-verified visit that turned out to be the later use of its token: its visit and nonce
   * claim are removed and its record becomes a replay (REPLAYED), for an earlier use to take them.
   */
  void displaceDoorVisit(DoorRecord record);

  /**
   * Keeps door records and their answers, in one statement: how many were kept (fewer when a
   * (facility, record id) was kept already).
   */
  int addDoorRecords(List<DoorRecord> records);

  /**
   * Keeps a door's last report, received at {@code seenAt}: one row per device key, inserted or
   * replaced in one statement.
   */
  void reportDoorState(long deviceKeyId, Instant seenAt, DoorReport report);

  /**
   * The last reports of the facility's doors, by device key id (keys that never reported: none).
   */
  Map<Long, DoorState> doorStates(long facilityId);

  /**
   * The doors of active keys heard from at or after {@code countedSince}, per 시군구 of their
   * facility: how many, how many not heard from since {@code reportingSince} (silent), how many
   * heard from since then in one of the {@code degraded} modes, and their queued visits.
   */
  List<RegionDoors> doorsPerRegion(
      Instant reportingSince, Instant countedSince, Set<DoorMode> degraded);
}
