package kr.vaccinepass.portal.enforcement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.NoticeWriter;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.shared.domain.BusinessException;

/** Builds a case's notice from the violation and the facility, and has it written. */
@ApplicationScoped
class NoticeDocuments {
  @Inject NoticeWriter writer;

  byte[] write(Violation violation, Facility facility, Notice.Kind kind) {
    Notice notice =
        Notice.of(
            kind,
            violation,
            facility.getSigungu().fullName(Locale.KOREAN),
            facility.getName(),
            facility.getRoadAddress(),
            facility.getBusinessNumber().formatted());
    if (notice == null) {
      throw BusinessException.of("notice.notYet");
    }
    return writer.write(notice);
  }
}
