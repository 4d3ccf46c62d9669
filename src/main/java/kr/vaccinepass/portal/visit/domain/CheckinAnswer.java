package kr.vaccinepass.portal.visit.domain;

import java.io.Serializable;
import java.time.Instant;
import kr.vaccinepass.portal.pass.domain.PassReason;

/**
 * The answer to one check-in: the code, the pass rule's reason when the rules were asked, and the
 * visit recorded when admitted. What the same token at the same facility gets again depends on the
 * path it came by ({@link #again}).
 *
 * @param replayed true when this answer was given before (an idempotent repeat)
 */
public record CheckinAnswer(
    CheckinCode code, PassReason reason, Long visitId, Instant checkedAt, boolean replayed)
    implements Serializable {

  public static CheckinAnswer refused(CheckinCode code, Instant at) {
    return new CheckinAnswer(code, null, null, at, false);
  }

  public boolean admitted() {
    return code.admitted();
  }

  /** The same answer with the visit it recorded. */
  public CheckinAnswer withId(long id) {
    return new CheckinAnswer(code, reason, id, checkedAt, replayed);
  }

  public CheckinAnswer repeated() {
    return new CheckinAnswer(code, reason, visitId, checkedAt, true);
  }

  /**
   * The answer to the same token presented again at the same facility, {@code now}. A device's
   * retry of its own request gets this answer again (no second visit). At the scanner page an
   * admitted token shown a second time is a copy passed on within its 15 s: one token admits one
   * person, so it is REPLAYED, refused now (issue 14, "the door"). A refusal shown again stays that
   * refusal.
   */
  public CheckinAnswer again(CheckinPath path, Instant now) {
    if (admitted() && !path.retriesItsRequests()) {
      return refused(CheckinCode.REPLAYED, now);
    }
    return repeated();
  }

  /** Whether this answer counts in the refusal statistics: a refusal, not a repeat of one. */
  public boolean countedAsRefusal() {
    return !admitted() && !replayed;
  }
}
