package kr.vaccinepass.portal.facility.domain;

/**
 * Whether a facility has cases still open (a fine whose procedure has not ended). The facility
 * feature owns the question; enforcement, which owns the cases, answers it, so that the dependency
 * keeps pointing from enforcement to facility.
 */
public interface OpenCases {
  /**
   * True while a case of the facility is open. Holds the lock under which violations are logged at
   * the facility until the transaction ends, so that no case opens while the facility changes.
   */
  boolean existAt(long facilityId);
}
