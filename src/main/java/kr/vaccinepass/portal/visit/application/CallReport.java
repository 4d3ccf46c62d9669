package kr.vaccinepass.portal.visit.application;

import java.time.Instant;

/**
 * A 안심콜 call report: the call's id (1–80 characters), the number called (the facility's 080 number)
 * and the caller's (1–20), and when the call came (docs/checkin.md, section 7). Read from the
 * webhook's body by a {@link CallReportReader}.
 */
public record CallReport(
    String callId, String calledNumber, String callerNumber, Instant calledAt) {
  public static final int MAX_CALL_ID = 80;
  public static final int MAX_NUMBER = 20;
  public static final int MAX_TIME = 40;
}
