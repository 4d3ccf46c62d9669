package kr.vaccinepass.portal.visit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.grace.application.DatedPolicies;
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
import kr.vaccinepass.portal.visit.domain.CheckinPath;
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
  @Inject NonceClaims claims;
  @Inject VisitWriter writer;
  @Inject VisitQueue batcher;
  @Inject DenialCounter denials;
  @Inject DeviceKeys deviceKeys;
  @Inject ActorResolver actors;
  @Inject Clock clock;
  @Inject DatedPolicies policies;

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
    // a hand-held scanner types the token and Enter: the line around it is not part of it
    String scanned = token == null ? null : token.strip();
    return answered(
        checkIn(facility, facilityId, scanned, party, owner.accountId(), CheckinPath.SCANNER_PAGE));
  }

  /**
   * A door device, authenticated by its key: only at the facility the key belongs to. An unknown or
   * revoked key is an {@link DeviceKeys.InvalidDeviceKey}; another facility's id answers as
   * missing.
   */
  public CheckinAnswer checkInWithDevice(
      String deviceSecret, long facilityId, String token, DiningParty party) {
    return answered(checkInWithDeviceAsync(deviceSecret, facilityId, token, party));
  }

  /**
   * As {@link #checkInWithDevice}, but the answer comes when the visit is committed, without a
   * thread waiting for it: the API's request thread is free as soon as the token is checked. A full
   * write queue is an {@link VisitQueue.Overloaded}, thrown at once or completing the answer.
   */
  public CompletableFuture<CheckinAnswer> checkInWithDeviceAsync(
      String deviceSecret, long facilityId, String token, DiningParty party) {
    return checkInAsDevice(deviceKeys.facilityOf(deviceSecret), facilityId, token, party);
  }

  /**
   * As {@link #checkInWithDeviceAsync}, for a caller that has already resolved the device key to
   * its facility ({@link DeviceKeys#facilityOf}): the API does so before it takes a place in the
   * check-in bulkhead, so that unknown keys are refused without one.
   */
  public CompletableFuture<CheckinAnswer> checkInAsDevice(
      long keyFacility, long facilityId, String token, DiningParty party) {
    Optional<FacilitySnapshot> facility =
        keyFacility == facilityId ? directory.find(facilityId) : Optional.empty();
    return checkIn(facility, facilityId, token, party, null, CheckinPath.DEVICE_API);
  }

  private CompletableFuture<CheckinAnswer> checkIn(
      Optional<FacilitySnapshot> found,
      long facilityId,
      String compact,
      DiningParty party,
      Long recordedBy,
      CheckinPath path) {
    Instant now = clock.instant();
    if (found.isEmpty()) {
      return done(refuse(0, CheckinCode.FACILITY_NOT_FOUND, now));
    }
    FacilitySnapshot facility = found.get();
    if (facility.status().refusesEntry()) {
      return done(refuse(facilityId, CheckinCode.refusedBy(facility.status()), now));
    }
    PassToken token;
    try {
      token = verifier.read(compact);
    } catch (PassToken.MalformedToken e) {
      return done(refuse(facilityId, CheckinCode.MALFORMED, now));
    }
    Verification verification = verifier.verify(token, now);
    // the identity of the check-in (issuer, nonce, signed claims), never the token's text
    String hash = token.hash();
    if (verification.problem() == TokenProblem.EXPIRED) {
      // a device retrying after its network failed gets the answer it missed, not "expired"; at
      // the scanner page it is a second presentation
      NonceLedger.Entry answered = ledger.find(token.nonce());
      if (answered != null && answered.sameToken(facilityId, hash)) {
        return earlier(answered).thenApply(given -> again(given, facilityId, path, now));
      }
      // or it was answered at another node (the device retried here after a timeout)
      NonceClaims.Claim claimed = claims.find(token.nonce());
      if (claimed != null && claimed.sameToken(facilityId, hash)) {
        Optional<CheckinAnswer> recorded = recorded(facility, token, hash, path, now);
        if (recorded.isPresent()) {
          return done(recorded.get());
        }
      }
    }
    if (!verification.genuine()) {
      // not cached: a forged or stale token must not be able to claim a nonce
      return done(refuse(facilityId, CheckinCode.of(verification.problem()), now));
    }
    DiningParty asked = party == null ? DiningParty.NONE : party;
    NonceLedger.Entry earlier =
        ledger.claim(token.nonce(), facilityId, hash, asked, token.expiresAt());
    if (earlier == null) {
      // new at this node: first presented at another node, at another facility or as another
      // token, it is a replay, refused before anything is written
      CompletableFuture<NonceClaims.Claim> claimed =
          claims.claim(token.nonce(), facilityId, hash, token.expiresAt().plus(NonceLedger.KEEP));
      Function<NonceClaims.Claim, CompletableFuture<CheckinAnswer>> afterClaim =
          first -> {
            if (first != null && !first.sameToken(facilityId, hash)) {
              CheckinAnswer replayed = refuse(facilityId, CheckinCode.REPLAYED, now);
              ledger.settle(token.nonce(), replayed);
              return done(replayed);
            }
            return decideAndSettle(facility, token, hash, asked, recordedBy, path, now);
          };
      // nothing to ask (one server): decided at once, on this thread, as before the claims
      return claimed.isDone() ? afterClaim.apply(claimed.join()) : claimed.thenCompose(afterClaim);
    }
    if (!earlier.sameToken(facilityId, hash)) {
      return done(refuse(facilityId, CheckinCode.REPLAYED, now));
    }
    return earlier(earlier)
        .thenCompose(
            given -> {
              // a refused visitor may still enter as a solo diner: the owner asks again
              boolean askAgain = given.code() == CheckinCode.NO_PASS && earlier.party() != asked;
              if (!askAgain
                  || !ledger.reclaim(
                      token.nonce(), earlier, facilityId, hash, asked, token.expiresAt())) {
                return done(again(given, facilityId, path, now));
              }
              return decideAndSettle(facility, token, hash, asked, recordedBy, path, now);
            });
  }

  /** Decides on a claimed nonce; its entry in the ledger gets the answer, or is released. */
  private CompletableFuture<CheckinAnswer> decideAndSettle(
      FacilitySnapshot facility,
      PassToken token,
      String hash,
      DiningParty asked,
      Long recordedBy,
      CheckinPath path,
      Instant now) {
    CompletableFuture<CheckinAnswer> answer;
    try {
      answer = decide(facility, token, hash, asked, recordedBy, path, now);
    } catch (RuntimeException e) {
      ledger.release(token.nonce(), e);
      throw e;
    }
    return answer.whenComplete(
        (given, failure) -> {
          if (failure == null) {
            ledger.settle(token.nonce(), given);
          } else {
            ledger.release(token.nonce(), unwrapped(failure));
          }
        });
  }

  private CompletableFuture<CheckinAnswer> decide(
      FacilitySnapshot facility,
      PassToken token,
      String hash,
      DiningParty party,
      Long recordedBy,
      CheckinPath path,
      Instant now) {
    PassDecision decision =
        PassRules.of(policies.current()).decide(token.facts(), facility.type(), now, party);
    if (!decision.admitted()) {
      denials.count(facility.id(), CheckinCode.NO_PASS);
      return done(new CheckinAnswer(CheckinCode.NO_PASS, decision.reason(), null, now, false));
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
    CheckinAnswer admitted =
        new CheckinAnswer(CheckinCode.of(decision.outcome()), decision.reason(), null, now, false);
    if (batched) {
      // the answer leaves once the batch is committed (completed on the batcher's answering pool)
      return batcher
          .submit(visit)
          .orTimeout(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS)
          .thenApply(
              id ->
                  id == null
                      ? recordedBefore(facility, token, hash, path, now)
                      : admitted.withId(id));
    }
    Long id;
    try {
      id = writer.add(visit).getId();
    } catch (RuntimeException e) {
      // the nonce's claim: recorded before this node's ledger knew (restart, other node)
      if (writer.byNonce(token.nonce()).isEmpty()) {
        throw e;
      }
      id = null;
    }
    return done(
        id == null ? recordedBefore(facility, token, hash, path, now) : admitted.withId(id));
  }

  /** The nonce was recorded before this node's ledger knew (a restart, another node). */
  private CheckinAnswer recordedBefore(
      FacilitySnapshot facility, PassToken token, String hash, CheckinPath path, Instant now) {
    return recorded(facility, token, hash, path, now)
        .orElseThrow(() -> new IllegalStateException("a claimed nonce without its visit"));
  }

  /** The answer the visit recorded under this nonce gives again, if one was recorded. */
  private Optional<CheckinAnswer> recorded(
      FacilitySnapshot facility, PassToken token, String hash, CheckinPath path, Instant now) {
    Optional<Visit> found = writer.byNonce(token.nonce());
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Visit v = found.get();
    if (v.getFacilityId() != facility.id() || !hash.equals(v.getTokenHash())) {
      return Optional.of(refuse(facility.id(), CheckinCode.REPLAYED, now));
    }
    CheckinAnswer recorded =
        new CheckinAnswer(
            CheckinCode.valueOf(v.getOutcome().name()),
            v.getReason(),
            v.getId(),
            v.getVisitedAt(),
            false);
    return Optional.of(again(recorded, facility.id(), path, now));
  }

  /**
   * The same token at the same facility once more: the answer is the domain's ({@link
   * CheckinAnswer#again}); a second presentation it refuses is counted like any refusal.
   */
  private CheckinAnswer again(CheckinAnswer given, long facilityId, CheckinPath path, Instant now) {
    CheckinAnswer answer = given.again(path, now);
    if (answer.countedAsRefusal()) {
      denials.count(facilityId, answer.code());
    }
    return answer;
  }

  /** Waits for an answer, for the callers that answer synchronously (the scanner page, tests). */
  private static CheckinAnswer answered(CompletableFuture<CheckinAnswer> answer) {
    try {
      return answer.get(COMMIT_WAIT_SECONDS + 1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the visit was written", e);
    } catch (ExecutionException e) {
      throw unwrapped(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the visit's batch did not commit in time", e);
    }
  }

  /** The failure inside a future's wrapping, as the synchronous path would have thrown it. */
  public static RuntimeException unwrapped(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("the visit was not written", cause);
  }

  private static CompletableFuture<CheckinAnswer> done(CheckinAnswer answer) {
    return CompletableFuture.completedFuture(answer);
  }

  private CheckinAnswer refuse(long facilityId, CheckinCode code, Instant now) {
    denials.count(facilityId, code);
    return CheckinAnswer.refused(code, now);
  }

  /** The answer of the same token's first check-in, given or still to come. */
  private static CompletableFuture<CheckinAnswer> earlier(NonceLedger.Entry entry) {
    return entry
        .answer()
        .copy()
        .orTimeout(5, TimeUnit.SECONDS)
        .exceptionally(
            failure -> {
              LOG.log(Level.FINE, "an earlier check-in of the same token failed", failure);
              throw new IllegalStateException(
                  "the same token's first check-in did not finish", unwrapped(failure));
            });
  }
}
