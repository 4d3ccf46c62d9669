package kr.vaccinepass.portal.enforcement.application;

import java.util.ArrayList;
import java.util.List;
import kr.vaccinepass.portal.audit.domain.AuditFact;
import kr.vaccinepass.portal.audit.domain.AuditKind;
import kr.vaccinepass.portal.audit.domain.PersonalField;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.enforcement.domain.ViolationKind;

/** The personal fields a case page or notice shows of a violation, for the audit trail. */
final class PersonalFields {
  private PersonalFields() {}

  /** The trail's entry of a notice printed: it shows the person's details. */
  static AuditFact noticePrinted(Violation violation, Notice.Kind kind) {
    return AuditFact.read(
            AuditKind.NOTICE_PRINTED,
            violation.getId(),
            violation.getFacilityId(),
            shownBy(violation))
        .withDetail(kind.name());
  }

  static PersonalField[] shownBy(Violation violation) {
    List<PersonalField> fields = new ArrayList<>();
    if (violation.getKind() == ViolationKind.VISITOR) {
      fields.add(PersonalField.VISITOR_NAME);
      if (violation.visitorBirthDate() != null) {
        fields.add(PersonalField.VISITOR_BIRTH_DATE);
      }
      if (violation.visitorPhone() != null) {
        fields.add(PersonalField.VISITOR_PHONE);
      }
    } else {
      fields.add(PersonalField.OPERATOR_CONTACT);
    }
    return fields.toArray(PersonalField[]::new);
  }
}
