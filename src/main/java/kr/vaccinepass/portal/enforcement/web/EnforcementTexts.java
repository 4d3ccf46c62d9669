package kr.vaccinepass.portal.enforcement.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kr.vaccinepass.portal.enforcement.domain.Sanction;
import kr.vaccinepass.portal.shared.web.Messages;

/** Enforcement's values as pages say them, from the bundles: a sanction with its length. */
@Named
@ApplicationScoped
public class EnforcementTexts {
  @Inject Messages messages;

  /** "운영 중단 10일", "경고", "폐쇄 명령", "없음". */
  public String sanction(Sanction sanction) {
    if (sanction == null) {
      return "";
    }
    return switch (sanction.kind()) {
      case SUSPENSION ->
          sanction.length().getDays() != 0
              ? messages.text("sanction.SUSPENSION.days", sanction.length().getDays())
              : messages.text("sanction.SUSPENSION.months", sanction.length().toTotalMonths());
      default -> messages.text("sanction." + sanction.kind().name());
    };
  }
}
