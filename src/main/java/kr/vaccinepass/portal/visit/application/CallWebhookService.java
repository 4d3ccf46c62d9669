package kr.vaccinepass.portal.visit.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.shared.domain.PhoneNumbers;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;
import kr.vaccinepass.portal.visit.domain.Visit;

/**
 * 안심콜: the telephony provider reports each call to a facility's 080 number. The request is signed
 * (WebhookSignature) and fresh; a signature seen before is a replay; a call id recorded before
 * answers with the same visit (the provider's retry). Records a CALL visit, UNVERIFIED.
 */
@ApplicationScoped
public class CallWebhookService {
  @Inject FacilityDirectory directory;
  @Inject VisitWriter writer;
  @Inject Clock clock;
  @Inject SeenSignatures signatures;
  @Inject CallReportReader reports;

  /** The recorded call. */
  public record Recorded(long visitId, boolean repeated) {}

  /** Why a call report was refused: a code for the problem document and its HTTP status. */
  public static final class Refused extends RuntimeException {
    private final String code;
    private final int status;

    public Refused(String code, int status) {
      super(code, null, false, false);
      this.code = code;
      this.status = status;
    }

    public String code() {
      return code;
    }

    public int status() {
      return status;
    }
  }

  /**
   * What is checked before the body is read: the webhook is configured, the signature headers are
   * there and well formed, and the timestamp is within five minutes of real time. A refusal here
   * costs no read of the body.
   */
  public void admit(String timestamp, String signature) {
    secret();
    WebhookSignature.Problem problem =
        WebhookSignature.checkHeaders(timestamp, signature, Instant.now());
    if (problem != null) {
      throw new Refused("SIGNATURE_" + problem.name(), 401);
    }
  }

  public Recorded receive(byte[] body, String timestamp, String signature) {
    String secret = secret();
    Instant realNow = Instant.now(); // transport freshness is real time, whatever the portal clock
    WebhookSignature.Problem problem =
        new WebhookSignature(secret).check(timestamp, signature, body, realNow);
    if (problem != null) {
      throw new Refused("SIGNATURE_" + problem.name(), 401);
    }
    String seen = signature.trim();
    if (!signatures.firstSeen(seen, realNow)) {
      throw new Refused("REPLAYED", 409);
    }
    try {
      return record(reports.read(body));
    } catch (RuntimeException e) {
      // only a recorded call makes its exact bytes a replay: a failed one may be sent again
      signatures.forget(seen);
      throw e;
    }
  }

  private static String secret() {
    return PortalConfig.get("portal.telephony.secret")
        .filter(s -> !s.isEmpty())
        .orElseThrow(() -> new Refused("WEBHOOK_NOT_CONFIGURED", 503));
  }

  private Recorded record(CallReport call) {
    String callId = call.callId();
    String caller = call.callerNumber();
    Instant at = call.calledAt();
    Instant now = clock.instant();
    if (at.isAfter(now.plus(Duration.ofMinutes(5))) || at.isBefore(now.minus(Duration.ofDays(1)))) {
      throw new Refused("CALL_TIME_OUT_OF_RANGE", 422);
    }
    if (!PhoneNumbers.isValid(caller)) {
      throw new Refused("CALLER_NUMBER_INVALID", 422);
    }
    Optional<FacilitySnapshot> facility =
        directory.findBySafeCallNumber(safeCallNumber(call.calledNumber()));
    if (facility.isEmpty()) {
      throw new Refused("FACILITY_NOT_FOUND", 404);
    }
    Optional<Visit> earlier = writer.byCall(callId);
    if (earlier.isPresent()) {
      return new Recorded(earlier.get().getId(), true);
    }
    try {
      Visit visit = writer.add(Visit.called(facility.get().id(), at, caller.trim(), callId));
      return new Recorded(visit.getId(), false);
    } catch (RuntimeException e) {
      return writer.byCall(callId).map(v -> new Recorded(v.getId(), true)).orElseThrow(() -> e);
    }
  }

  /** 080-100-0001, 0801000001 and 080 100 0001 name the same number. */
  static String safeCallNumber(String called) {
    String digits = called.replaceAll("\\D", "");
    if (digits.length() != 10 || !digits.startsWith("080")) {
      return called.trim();
    }
    return "080-" + digits.substring(3, 6) + "-" + digits.substring(6);
  }
}
