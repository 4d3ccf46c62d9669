package kr.vaccinepass.portal.visit.domain;

import java.time.Instant;
import kr.vaccinepass.portal.pass.domain.PassReason;

/**
 * The answer to one check-in: the code, the pass rule's reason when the rules were asked, and the
 * visit recorded when admitted. The same token at the same facility always gets the same answer.
 *
 * @param replayed true when this answer was given before (an idempotent repeat)
 */
public record CheckinAnswer(
    CheckinCode code, PassReason reason, Long visitId, Instant checkedAt, boolean replayed) {

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
}
