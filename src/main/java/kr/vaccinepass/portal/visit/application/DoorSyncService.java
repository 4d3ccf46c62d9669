package kr.vaccinepass.portal.visit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.grace.application.DatedPolicies;
import kr.vaccinepass.portal.pass.application.PassVerifier;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.pass.domain.PassRules;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import kr.vaccinepass.portal.visit.domain.DoorRecord;
import kr.vaccinepass.portal.visit.domain.DoorRecordRules;
import kr.vaccinepass.portal.visit.domain.DoorRecordRules.NonceSeen;
import kr.vaccinepass.portal.visit.domain.DoorRecordVerdict;
import kr.vaccinepass.portal.visit.domain.DoorSyncStatus;
import kr.vaccinepass.portal.visit.domain.Visit;
import kr.vaccinepass.portal.visit.domain.VisitRepository;

/**
 * The sync of a door's queue (docs/door.md, "Sync"): every record verified again as of the time the
 * door answered it, oldest first, decided by {@link DoorRecordRules}, kept once per (facility,
 * record id) with its answer, in one transaction per batch and a few multi-row statements ({@code
 * Writes}). Nothing is written for a record outside the sync window.
 */
@ApplicationScoped
public class DoorSyncService {
  /** The most records in one batch. */
  public static final int MAX_RECORDS = 200;

  /** How old a record may be when it arrives: 72 h unless {@code portal.door.syncMaxAgeHours}. */
  public static Duration maxAge() {
    return Duration.ofHours(PortalConfig.integer("portal.door.syncMaxAgeHours", 72));
  }

  @Inject FacilityDirectory directory;
  @Inject PassVerifier verifier;
  @Inject VisitRepository visits;
  @Inject Clock clock;

  @Inject DatedPolicies policies;

  /**
   * One record as the door sent it.
   *
   * @param recordId the door's own id of the record, unique at its facility
   * @param token the token as scanned
   * @param party the dining party the door chose, NONE if none
   * @param doorCode what the door answered (PASS or EXEMPT when it admitted)
   * @param doorReason the door's pass-rules reason, required when it admitted
   * @param at when the door answered
   */
  public record Sent(
      String recordId,
      String token,
      DiningParty party,
      CheckinCode doorCode,
      PassReason doorReason,
      Instant at) {}

  /** The answer to one record. */
  public record Answer(
      String recordId,
      DoorSyncStatus status,
      String code,
      String reason,
      Long visitId,
      boolean flagged) {}

  /** The facility is not the device key's, or does not exist. */
  public static final class FacilityNotFound extends RuntimeException {
    public FacilityNotFound() {
      super("facility not found", null, false, false);
    }
  }

  /**
   * The token's nonce was claimed by a check-in that committed while this batch ran: nothing of the
   * batch is kept; the door sends it again and gets the answer for the nonce as it now stands.
   */
  public static final class ClaimedMeanwhile extends RuntimeException {
    public ClaimedMeanwhile() {
      super("a nonce was claimed meanwhile; send the batch again", null, false, false);
    }
  }

  /**
   * The answers to a batch of a door of the key's facility, in the order sent; the records are
   * decided oldest first (by {@code at}, then as sent).
   */
  @Transactional
  public List<Answer> sync(long keyFacility, long facilityId, List<Sent> batch) {
    FacilitySnapshot facility =
        (keyFacility == facilityId
                ? directory.find(facilityId)
                : Optional.<FacilitySnapshot>empty())
            .orElseThrow(FacilityNotFound::new);
    Instant now = clock.instant();
    DoorRecordRules doorRules = new DoorRecordRules(maxAge(), PassVerifier.CLOCK_SKEW);
    Answer[] answers = new Answer[batch.size()];
    List<Integer> oldestFirst =
        IntStream.range(0, batch.size())
            .boxed()
            .sorted(Comparator.comparing((Integer i) -> batch.get(i).at()).thenComparing(i -> i))
            .toList();
    PassToken[] tokens = new PassToken[batch.size()];
    Set<String> nonces = new HashSet<>();
    Set<String> recordIds = new HashSet<>();
    for (int i = 0; i < batch.size(); i++) {
      tokens[i] = parse(batch.get(i).token());
      if (tokens[i] != null) {
        nonces.add(tokens[i].nonce());
      }
      recordIds.add(batch.get(i).recordId());
    }
    // two queries for the batch instead of three a record; what this batch writes is looked up
    Known known =
        new Known(visits.doorRecordIds(facility.id(), recordIds), visits.seenNonces(nonces));
    Writes writes = new Writes();
    List<Supplier<Answer>> decided = new ArrayList<>(Collections.nCopies(batch.size(), null));
    for (int i : oldestFirst) {
      decided.set(i, one(facility, batch.get(i), tokens[i], known, writes, doorRules, now));
    }
    writes.finish();
    return new ArrayList<>(decided.stream().map(Supplier::get).toList());
  }

  /**
   * What a batch keeps, written a few statements at a time instead of two a record: the
   * door-verified visits in one multi-row statement, then the records with their visits' ids in
   * another, the refusals counted per day and code at the end. A record's lookup that could find
   * something this batch decided (its nonce or record id touched) writes what is pending first, so
   * every record is decided on what the database holds, as when each was written at once. A nonce
   * or record id claimed by a commit meanwhile makes the whole batch fail ({@link
   * ClaimedMeanwhile}), as before.
   */
  private final class Writes {
    private final List<Visit> pendingVisits = new ArrayList<>();
    private final List<DoorRecord> records = new ArrayList<>();

    /** For each record, the position of its visit in pendingVisits, or -1. */
    private final List<Integer> visitOf = new ArrayList<>();

    private int written;
    private final Map<List<Object>, Long> denials = new LinkedHashMap<>();

    /** A record to keep, and the visit it stores (or null); its position, for {@link #kept}. */
    int keep(DoorRecord record, Visit visit) {
      records.add(record);
      visitOf.add(visit == null ? -1 : pendingVisits.size());
      if (visit != null) {
        pendingVisits.add(visit);
      }
      return records.size() - 1;
    }

    /** A record as kept, with its visit's id; once written. */
    DoorRecord kept(int position) {
      return records.get(position);
    }

    void deny(LocalDate day, long facilityId, String code) {
      denials.merge(List.of(day, facilityId, code), 1L, Long::sum);
    }

    /** Writes what is pending, so that a lookup finds it. */
    void write() {
      if (written == records.size()) {
        return;
      }
      List<Long> ids = visits.addDoorVisits(pendingVisits);
      if (ids.stream().anyMatch(Objects::isNull)) {
        throw new ClaimedMeanwhile();
      }
      for (int k = written; k < records.size(); k++) {
        if (visitOf.get(k) >= 0) {
          records.set(k, records.get(k).withVisitId(ids.get(visitOf.get(k))));
        }
      }
      int pending = records.size() - written;
      if (visits.addDoorRecords(records.subList(written, records.size())) != pending) {
        throw new ClaimedMeanwhile();
      }
      pendingVisits.clear();
      written = records.size();
    }

    void finish() {
      write();
      denials.forEach(
          (key, count) ->
              visits.addDenials(
                  (LocalDate) key.get(0), (Long) key.get(1), (String) key.get(2), count));
    }
  }

  /**
   * What the database held for the batch's record ids and nonces when it started, and what the
   * batch has decided since: a record id or nonce neither held nor touched needs no lookup, since
   * nothing but this batch could have written it in this transaction (a concurrent commit is caught
   * by the inserts' conflicts, as before).
   */
  private record Known(
      Set<String> recordIds, Set<String> nonces, Set<String> touchedIds, Set<String> touched) {
    Known(Set<String> recordIds, Set<String> nonces) {
      this(recordIds, nonces, new HashSet<>(), new HashSet<>());
    }

    boolean mayHoldRecord(String recordId) {
      return recordIds.contains(recordId) || touchedIds.contains(recordId);
    }

    boolean mayHoldNonce(String nonce) {
      return nonces.contains(nonce) || touched.contains(nonce);
    }
  }

  private static PassToken parse(String token) {
    try {
      return PassToken.parse(token);
    } catch (PassToken.MalformedToken e) {
      return null;
    }
  }

  private Supplier<Answer> one(
      FacilitySnapshot facility,
      Sent sent,
      PassToken token,
      Known known,
      Writes writes,
      DoorRecordRules doorRules,
      Instant now) {
    if (known.mayHoldRecord(sent.recordId())) {
      writes.write();
      Optional<DoorRecord> kept = visits.findDoorRecord(facility.id(), sent.recordId());
      if (kept.isPresent()) {
        Answer given = answer(kept.get());
        return () -> given;
      }
    }
    Supplier<Answer> answer = decided(facility, sent, token, known, writes, doorRules, now);
    known.touchedIds().add(sent.recordId());
    if (token != null) {
      known.touched().add(token.nonce());
    }
    return answer;
  }

  private Supplier<Answer> decided(
      FacilitySnapshot facility,
      Sent sent,
      PassToken token,
      Known known,
      Writes writes,
      DoorRecordRules doorRules,
      Instant now) {
    CheckinCode server;
    boolean authentic = false;
    PassDecision decision = null;
    if (token == null) {
      server = CheckinCode.MALFORMED;
    } else {
      PassVerifier.Audit audit = verifier.audit(token, sent.at());
      authentic = audit.authentic();
      if (audit.problem() != null) {
        server = CheckinCode.of(audit.problem());
      } else if (facility.status().refusesEntry()) {
        server = CheckinCode.refusedBy(facility.status());
      } else {
        decision =
            PassRules.of(policies.current())
                .decide(token.facts(), facility.type(), sent.at(), sent.party());
        server = CheckinCode.of(decision.outcome());
      }
    }
    Earlier earlier = Earlier.NONE;
    if (authentic && known.mayHoldNonce(token.nonce())) {
      writes.write();
      earlier = earlier(token, facility.id(), sent.at());
    }
    DoorRecordVerdict verdict =
        doorRules.decide(
            new DoorRecordRules.Facts(
                sent.at(), sent.doorCode().admitted(), server, authentic, earlier.seen()),
            now);
    String reason = reason(verdict, decision, sent);
    if (!verdict.kept()) {
      Answer given =
          new Answer(sent.recordId(), verdict.status(), verdict.code(), null, null, false);
      return () -> given;
    }
    Long visitId = earlier.visitId();
    if (verdict.storesVisit() && earlier.displaced() != null) {
      // this use is earlier than the one another door sent first: that one becomes the replay
      DoorRecord later = earlier.displaced();
      visits.displaceDoorVisit(later);
      writes.deny(day(later.at()), later.facilityId(), CheckinCode.REPLAYED.name());
    }
    Visit stored = null;
    if (verdict.storesVisit()) {
      PassDecision recorded =
          verdict.status() == DoorSyncStatus.STORED ? decision : PassDecision.of(sent.doorReason());
      stored =
          Visit.verifiedAtDoor(
              facility.id(),
              sent.at(),
              recorded,
              token.issuer(),
              token.holderId(),
              token.nonce(),
              token.hash(),
              verdict.flagged() ? server : null,
              now);
      visitId = null; // the new visit's, once written
    }
    if (verdict.countedAsRefusal()) {
      // counted once: a resent record is answered from door_record above, never counted again
      writes.deny(day(sent.at()), facility.id(), verdict.code());
    }
    DoorRecord record =
        new DoorRecord(
            facility.id(),
            sent.recordId(),
            token == null ? null : token.nonce(),
            token == null ? null : token.hash(),
            sent.at(),
            sent.doorCode().name(),
            verdict.status(),
            verdict.code(),
            reason,
            visitId,
            verdict.flagged(),
            now);
    int position = writes.keep(record, stored);
    return () -> answer(writes.kept(position));
  }

  /** The reason given with the answer: the server's rules', or the door's where it admitted. */
  private static String reason(DoorRecordVerdict verdict, PassDecision decision, Sent sent) {
    if (verdict.storesVisit() && verdict.status() == DoorSyncStatus.DISAGREEMENT) {
      return sent.doorReason().name();
    }
    return decision == null || verdict.status() == DoorSyncStatus.REPLAY
        ? null
        : decision.reason().name();
  }

  /**
   * Where the token's nonce was recorded before.
   *
   * @param displaced a door-verified visit of the same token at another facility, but later than
   *     this record: this record is the first use, that one the replay (it only reached the server
   *     first)
   */
  private record Earlier(NonceSeen seen, Long visitId, DoorRecord displaced) {
    static final Earlier NONE = new Earlier(NonceSeen.NEW, null, null);

    Earlier(NonceSeen seen, Long visitId) {
      this(seen, visitId, null);
    }
  }

  /** Where the token's nonce was recorded before: a visit (online or door), or a door record. */
  private Earlier earlier(PassToken token, long facilityId, Instant at) {
    Optional<Visit> visit = visits.findByNonce(token.nonce());
    if (visit.isPresent()) {
      Visit v = visit.get();
      boolean same = v.getFacilityId() == facilityId && token.hash().equals(v.getTokenHash());
      if (!same
          && v.isDoorVerified()
          && token.hash().equals(v.getTokenHash())
          && v.getVisitedAt().isAfter(at)) {
        Optional<DoorRecord> later =
            visits.admittedDoorRecord(token.nonce()).filter(r -> v.getId().equals(r.visitId()));
        if (later.isPresent()) {
          return new Earlier(NonceSeen.NEW, null, later.get());
        }
      }
      return same
          ? new Earlier(NonceSeen.SAME_CHECKIN, v.getId())
          : new Earlier(NonceSeen.ELSEWHERE, null);
    }
    // the visit's nonce claim is kept a day; the door's record as long as the visit
    Optional<DoorRecord> record = visits.admittedDoorRecord(token.nonce());
    if (record.isPresent()) {
      DoorRecord r = record.get();
      boolean same = r.facilityId() == facilityId && token.hash().equals(r.tokenHash());
      if (!same && token.hash().equals(r.tokenHash()) && r.at().isAfter(at)) {
        return new Earlier(NonceSeen.NEW, null, r);
      }
      return same
          ? new Earlier(NonceSeen.SAME_CHECKIN, r.visitId())
          : new Earlier(NonceSeen.ELSEWHERE, null);
    }
    return Earlier.NONE;
  }

  private static Answer answer(DoorRecord r) {
    return new Answer(
        r.recordId(), r.status(), r.serverCode(), r.reason(), r.visitId(), r.flagged());
  }

  private static LocalDate day(Instant at) {
    return at.atZone(Kst.ZONE).toLocalDate();
  }
}
