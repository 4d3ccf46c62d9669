package kr.vaccinepass.portal.visit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.pass.application.PassVerifier;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassReason;
import kr.vaccinepass.portal.pass.domain.PassRules;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.shared.infrastructure.ClockProducer;
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
 * record id) with its answer, in one transaction per batch. Nothing is written for a record outside
 * the sync window.
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

  private final PassRules rules = new PassRules();

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
    for (int i : oldestFirst) {
      answers[i] = one(facility, batch.get(i), tokens[i], known, doorRules, now);
    }
    return new ArrayList<>(List.of(answers));
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

  private Answer one(
      FacilitySnapshot facility,
      Sent sent,
      PassToken token,
      Known known,
      DoorRecordRules doorRules,
      Instant now) {
    if (known.mayHoldRecord(sent.recordId())) {
      Optional<DoorRecord> kept = visits.findDoorRecord(facility.id(), sent.recordId());
      if (kept.isPresent()) {
        return answer(kept.get());
      }
    }
    Answer answer = decided(facility, sent, token, known, doorRules, now);
    known.touchedIds().add(sent.recordId());
    if (token != null) {
      known.touched().add(token.nonce());
    }
    return answer;
  }

  private Answer decided(
      FacilitySnapshot facility,
      Sent sent,
      PassToken token,
      Known known,
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
      } else if (facility.status() == FacilityStatus.SUSPENDED) {
        server = CheckinCode.FACILITY_SUSPENDED;
      } else if (facility.status() == FacilityStatus.CLOSED) {
        server = CheckinCode.FACILITY_CLOSED;
      } else {
        decision = rules.decide(token.facts(), facility.type(), sent.at(), sent.party());
        server = CheckinCode.of(decision.outcome());
      }
    }
    Earlier earlier =
        authentic && known.mayHoldNonce(token.nonce())
            ? earlier(token, facility.id(), sent.at())
            : Earlier.NONE;
    DoorRecordVerdict verdict =
        doorRules.decide(
            new DoorRecordRules.Facts(
                sent.at(), sent.doorCode().admitted(), server, authentic, earlier.seen()),
            now);
    String reason = reason(verdict, decision, sent);
    if (!verdict.kept()) {
      return new Answer(sent.recordId(), verdict.status(), verdict.code(), null, null, false);
    }
    Long visitId = earlier.visitId();
    if (verdict.storesVisit() && earlier.displaced() != null) {
      // this use is earlier than the one another door sent first: that one becomes the replay
      DoorRecord later = earlier.displaced();
      visits.displaceDoorVisit(later);
      visits.addDenials(day(later.at()), later.facilityId(), CheckinCode.REPLAYED.name(), 1);
    }
    if (verdict.storesVisit()) {
      PassDecision recorded =
          verdict.status() == DoorSyncStatus.STORED ? decision : PassDecision.of(sent.doorReason());
      visitId =
          visits.addDoorVisit(
              Visit.verifiedAtDoor(
                  facility.id(),
                  sent.at(),
                  recorded,
                  token.issuer(),
                  token.holderId(),
                  token.nonce(),
                  token.hash(),
                  verdict.flagged() ? server : null,
                  now));
      if (visitId == null) {
        throw new ClaimedMeanwhile();
      }
    }
    if (verdict.countedAsRefusal()) {
      // counted once: a resent record is answered from door_record above, never counted again
      visits.addDenials(day(sent.at()), facility.id(), verdict.code(), 1);
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
    if (!visits.addDoorRecord(record)) {
      throw new ClaimedMeanwhile();
    }
    return answer(record);
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
    return at.atZone(ClockProducer.KST).toLocalDate();
  }
}
