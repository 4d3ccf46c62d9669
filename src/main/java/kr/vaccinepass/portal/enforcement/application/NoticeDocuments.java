package kr.vaccinepass.portal.enforcement.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import kr.vaccinepass.portal.enforcement.domain.Notice;
import kr.vaccinepass.portal.enforcement.domain.NoticeWriter;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.region.Sigungu;

/**
 * Builds a case's notice from the violation and the facts it kept of its day (never today's
 * facility row), issued by the head of the 시군구 that logged it, with the inspector who logged it as
 * the contact; and has it written.
 */
@ApplicationScoped
class NoticeDocuments {
  @Inject NoticeWriter writer;
  @Inject Regions regions;
  @Inject AccountService accounts;

  byte[] write(Violation violation, Notice.Kind kind) {
    Sigungu sigungu = regions.sigungu(violation.getSigunguCode()).orElseThrow();
    AccountService.Contact contact =
        accounts.contact(violation.getCreatedBy()).orElse(new AccountService.Contact("", ""));
    Notice notice =
        Notice.of(
            kind,
            violation,
            new Notice.Issuer(
                sigungu.headTitleKo(),
                sigungu.fullName(Locale.KOREAN),
                contact.name(),
                contact.phone()));
    if (notice == null) {
      throw BusinessException.of("notice.notYet");
    }
    return writer.write(notice);
  }
}
