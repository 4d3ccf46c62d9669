package kr.vaccinepass.portal.enforcement.domain;

import java.time.Instant;
import java.time.LocalDate;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * What a notice of the fine procedure says: the prior notice (사전통지, Art. 16) or the imposition
 * notice (부과 고지, Arts. 17, 20). Built from a violation, its case and the facts it kept of its day
 * (never today's facility row); written by a {@link NoticeWriter}.
 *
 * @param partyDetail the operator's business number, or the visitor's birth date (may be empty)
 */
public record Notice(
    Kind kind,
    String caseNumber,
    Issuer issuer,
    String partyName,
    String partyDetail,
    String facilityName,
    String facilityAddress,
    ViolationKind violationKind,
    Instant occurredAt,
    Money amount,
    Money voluntaryAmount,
    LocalDate noticeOn,
    LocalDate opinionDeadline,
    LocalDate imposedOn,
    LocalDate objectionDeadline) {

  /** Which notice. */
  public enum Kind {
    PRIOR_NOTICE,
    IMPOSITION
  }

  /**
   * Who issues it: the head of the local government that logged the case ("서울특별시 종로구청장"), that
   * government ("서울특별시 종로구", whose inspection department handles the case), and the official to
   * contact there (the inspector who logged it).
   */
  public record Issuer(String head, String government, String contactName, String contactPhone) {}

  /** The articles the fine rests on. */
  public String legalBasis() {
    return LegalBasis.citation();
  }

  /** The notice of a case, when the case has reached it; null otherwise. */
  public static Notice of(Kind kind, Violation violation, Issuer issuer) {
    FineCase fine = violation.getFineCase();
    if (fine == null
        || (kind == Kind.PRIOR_NOTICE && fine.getOpinionDeadline() == null)
        || (kind == Kind.IMPOSITION && fine.getImposedOn() == null)) {
      return null;
    }
    boolean visitor = violation.getKind() == ViolationKind.VISITOR;
    LoggedFacility facility = violation.getFacility();
    return new Notice(
        kind,
        violation.caseNumber(),
        issuer,
        violation.partyName(),
        visitor
            ? (violation.visitorBirthDate() == null ? "" : violation.visitorBirthDate())
            : facility.formattedBusinessNumber(),
        facility.name(),
        facility.roadAddress(),
        violation.getKind(),
        violation.getOccurredAt(),
        fine.getAmount(),
        fine.voluntaryAmount(),
        fine.getPriorNoticeOn(),
        fine.getOpinionDeadline(),
        fine.getImposedOn(),
        fine.objectionDeadline());
  }
}
