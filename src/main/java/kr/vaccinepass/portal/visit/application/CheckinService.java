package kr.vaccinepass.portal.visit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.pass.application.PassVerifier;
import kr.vaccinepass.portal.pass.application.PassVerifier.Verification;
import kr.vaccinepass.portal.pass.domain.DiningParty;
import kr.vaccinepass.portal.pass.domain.PassDecision;
import kr.vaccinepass.portal.pass.domain.PassRules;
import kr.vaccinepass.portal.pass.domain.PassToken;
import kr.vaccinepass.portal.pass.domain.TokenProblem;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.visit.domain.CheckinAnswer;
import kr.vaccinepass.portal.visit.domain.CheckinCode;
import kr.vaccinepass.portal.visit.domain.Visit;

/**
 * The QR check-in at the door, from the owner's scanner page or a door device: the facility (from
 * memory), the token's nonce (idempotency and replay, in memory), the token (signature, expiry,
 * key, from the cached trust list), the pass rules, and then the only write, the visit. A refusal
 * writes nothing on the way; it is counted in memory for the statistics.
 */
@ApplicationScoped
public class CheckinService {
  private static final Logger LOG = Logger.getLogger(CheckinService.class.getName());

  @Inject FacilityDirectory directory;
  @Inject PassVerifier verifier;
  @Inject NonceLedger ledger;
  @Inject VisitWriter writer;
  @Inject VisitBatcher batcher;
  @Inject DenialCounter denials;
  @Inject DeviceKeys deviceKeys;
  @Inject ActorResolver actors;
  @Inject Clock clock;

  private final PassRules rules = new PassRules();

  /**
   * How admitted check-ins are written: {@code batched} (group commit, the default) or {@code
   * per-request} (one JPA persist and commit per check-in), kept for the benchmark's comparison.
   */
  private final boolean batched =
      !"per-request".equals(PortalConfig.get("portal.checkin.writeMode").orElse("batched"));

  /** How long a check-in waits for its batch to commit before it gives up. */
  private static final long COMMIT_WAIT_SECONDS = 10;

  /** The owner's scanner page: only at the owner's own facility. */
  @RolesAllowed(Role.OWNER_NAME)
  public CheckinAnswer checkInAtDoor(long facilityId, String token, DiningParty party) {
    Actor owner = actors.require();
    Optional<FacilitySnapshot> facility =
        directory.find(facilityId).filter(f -> f.ownerId() == owner.accountId());
    return checkIn(facility, facilityId, token, party, owner.accountId());
  }

  /**
   * A door device, authenticated by its key: only at the facility the key belongs to. An unknown or
   * revoked key is an {@link DeviceKeys.InvalidDeviceKey}; another facility's id answers as
   * missing.
   */
  public CheckinAnswer checkInWithDevice(
      String deviceSecret, long facilityId, String token, DiningParty party) {
    long keyFacility = deviceKeys.facilityOf(deviceSecret);
    Optional<FacilitySnapshot> facility =
        keyFacility == facilityId ? directory.find(facilityId) : Optional.empty();
    return checkIn(facility, facilityId, token, party, null);
  }

  private CheckinAnswer checkIn(
      Optional<FacilitySnapshot> found,
      long facilityId,
      String compact,
      DiningParty party,
      Long recordedBy) {
    Instant now = clock.instant();
    if (found.isEmpty()) {
      return refuse(0, CheckinCode.FACILITY_NOT_FOUND, now);
    }
    FacilitySnapshot facility = found.get();
    if (facility.status() == FacilityStatus.SUSPENDED) {
      return refuse(facilityId, CheckinCode.FACILITY_SUSPENDED, now);
    }
    if (facility.status() == FacilityStatus.CLOSED) {
      return refuse(facilityId, CheckinCode.FACILITY_CLOSED, now);
    }
    PassToken token;
    try {
      token = verifier.read(compact);
    } catch (PassToken.MalformedToken e) {
      return refuse(facilityId, CheckinCode.MALFORMED, now);
    }
    Verification verification = verifier.verify(token, now);
    String hash = token.hash();
    if (verification.problem() == TokenProblem.EXPIRED) {
      // a device retrying after its network failed gets the answer it missed, not "expired"
      NonceLedger.Entry answered = ledger.find(token.nonce());
      if (answered != null && answered.sameToken(facilityId, hash)) {
        return await(answered).repeated();
      }
    }
    if (!verification.genuine()) {
      // not cached: a forged or stale token must not be able to claim a nonce
      return refuse(facilityId, CheckinCode.of(verification.problem()), now);
    }
    DiningParty asked = party == null ? DiningParty.NONE : party;
    NonceLedger.Entry earlier =
        ledger.claim(token.nonce(), facilityId, hash, asked, token.expiresAt());
    if (earlier != null) {
      if (!earlier.sameToken(facilityId, hash)) {
        return refuse(facilityId, CheckinCode.REPLAYED, now);
      }
      CheckinAnswer given = await(earlier);
      // a refused visitor may still enter as a solo diner: the owner asks again with the party
      boolean askAgain = !given.admitted() && earlier.party() != asked;
      if (!askAgain
          || !ledger.reclaim(token.nonce(), earlier, facilityId, hash, asked, token.expiresAt())) {
        return given.repeated();
      }
    }
    try {
      CheckinAnswer answer = decide(facility, token, hash, asked, recordedBy, now);
      ledger.settle(token.nonce(), answer);
      return answer;
    } catch (RuntimeException e) {
      ledger.release(token.nonce(), e);
      throw e;
    }
  }

  private CheckinAnswer decide(
      FacilitySnapshot facility,
      PassToken token,
      String hash,
      DiningParty party,
      Long recordedBy,
      Instant now) {
    PassDecision decision = rules.decide(token.facts(), facility.type(), now, party);
    if (!decision.admitted()) {
      denials.count(facility.id(), CheckinCode.NO_PASS);
      return new CheckinAnswer(CheckinCode.NO_PASS, decision.reason(), null, now, false);
    }
    Visit visit =
        Visit.checkedIn(
            facility.id(),
            now,
            decision,
            token.issuer(),
            token.holderId(),
            token.nonce(),
            hash,
            recordedBy);
    Long id;
    if (batched) {
      id = committed(batcher.submit(visit));
    } else {
      try {
        id = writer.add(visit).getId();
      } catch (RuntimeException e) {
        // the nonce's claim: recorded before this node's ledger knew (restart, other node)
        if (writer.byNonce(token.nonce()).isEmpty()) {
          throw e;
        }
        id = null;
      }
    }
    if (id == null) {
      // recorded before this node's ledger knew (a restart, another node): that visit answers
      Visit v =
          writer
              .byNonce(token.nonce())
              .orElseThrow(() -> new IllegalStateException("a claimed nonce without its visit"));
      if (v.getFacilityId() != facility.id() || !hash.equals(v.getTokenHash())) {
        return refuse(facility.id(), CheckinCode.REPLAYED, now);
      }
      return new CheckinAnswer(
              CheckinCode.valueOf(v.getOutcome().name()),
              v.getReason(),
              v.getId(),
              v.getVisitedAt(),
              false)
          .repeated();
    }
    return new CheckinAnswer(CheckinCode.of(decision.outcome()), decision.reason(), id, now, false);
  }

  /** Waits until the batch holding the visit is committed: its id, or null when not stored. */
  private static Long committed(java.util.concurrent.CompletableFuture<Long> stored) {
    try {
      return stored.get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the visit was written", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the visit was not written", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the visit's batch did not commit in time", e);
    }
  }

  private CheckinAnswer refuse(long facilityId, CheckinCode code, Instant now) {
    denials.count(facilityId, code);
    return CheckinAnswer.refused(code, now);
  }

  private static CheckinAnswer await(NonceLedger.Entry entry) {
    try {
      return entry.answer().get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      LOG.log(Level.FINE, "an earlier check-in of the same token failed", e);
      throw new IllegalStateException("the same token's first check-in did not finish", e);
    }
  }
}
