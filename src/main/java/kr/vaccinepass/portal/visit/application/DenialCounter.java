package kr.vaccinepass.portal.visit.application;

import kr.vaccinepass.portal.visit.domain.CheckinCode;

/**
 * Counts refused check-ins per day, facility and code: statistics without any personal data, and no
 * write on the path of a refusal. Implemented in visit.infrastructure, which buffers the counts in
 * memory and adds them to {@code checkin_denial} every few seconds.
 */
public interface DenialCounter {
  void count(long facilityId, CheckinCode code);

  /** Writes what was counted so far (tests call it to read the table at once). */
  void flush();
}
