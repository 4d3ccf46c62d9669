package kr.vaccinepass.portal.enforcement.domain;

import java.time.Instant;
import java.time.LocalDate;
import kr.vaccinepass.portal.shared.domain.Money;

/**
 * What a notice of the fine procedure says: the prior notice (사전통지, Art. 16) or the imposition
 * notice (부과 고지, Arts. 17, 20). Built from a violation and its case; written by a {@link
 * NoticeWriter}.
 */
public record Notice(
    Kind kind,
    String caseNumber,
    String agency,
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

  /** The notice of a case, when the case has reached it; null otherwise. */
  public static Notice of(
      Kind kind,
      Violation violation,
      String agency,
      String facilityName,
      String facilityAddress,
      String businessNumber) {
    FineCase fine = violation.getFineCase();
    if (fine == null
        || (kind == Kind.PRIOR_NOTICE && fine.getOpinionDeadline() == null)
        || (kind == Kind.IMPOSITION && fine.getImposedOn() == null)) {
      return null;
    }
    boolean visitor = violation.getKind() == ViolationKind.VISITOR;
    return new Notice(
        kind,
        violation.caseNumber(),
        agency,
        visitor ? violation.visitorName() : facilityName,
        visitor
            ? (violation.visitorBirthDate() == null ? "" : violation.visitorBirthDate())
            : businessNumber,
        facilityName,
        facilityAddress,
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
