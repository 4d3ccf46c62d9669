package kr.vaccinepass.portal.visit.domain;

import java.time.Instant;

/**
 * A visit as a trace shows it: a QR visit as its issuer's pseudonymous holder id (only the issuer
 * can tell whose it is); a call, handwritten or door-check visit with its decrypted phone number,
 * name and personal safety number, for the health authority itself.
 */
public record TracedVisit(
    long facilityId,
    Instant visitedAt,
    VisitMethod method,
    String issuerCode,
    String holderId,
    String name,
    String phone,
    String safetyNumber) {

  /** A QR visit: identified through its issuer only. */
  public boolean isByIssuer() {
    return issuerCode != null && holderId != null;
  }
}
