package kr.vaccinepass.portal.enforcement.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kr.vaccinepass.portal.grace.application.DatedPolicies;
import kr.vaccinepass.portal.grace.domain.Sanction;
import kr.vaccinepass.portal.shared.web.Messages;

/**
 * Enforcement's values as pages say them, from the bundles: a sanction with its length, the legal
 * basis of a penalty (never the news sources the schedule was checked against).
 */
@Named
@ApplicationScoped
public class EnforcementTexts {
  @Inject Messages messages;
  @Inject DatedPolicies policies;

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

  /**
   * The legal basis of a penalty decided by the schedule of that name: the statute's articles and
   * the enforcement decree's penalty table, with the date that schedule came into force.
   */
  public String basis(String scheduleName) {
    return policies
        .current()
        .penalties()
        .named(scheduleName)
        .map(s -> messages.text("penalty.basis.from", s.effectiveFrom().toString()))
        .orElseGet(() -> messages.text("penalty.basis"));
  }

  /**
   * Which revision of the enforcement calendar a penalty was decided by, and whether the calendar
   * has changed since: a case keeps the revision it was judged by.
   */
  public String revision(long policyRevision) {
    long now = policies.current().revision();
    return policyRevision == now
        ? messages.text("penalty.revision.current", policyRevision)
        : messages.text("penalty.revision.older", policyRevision, now);
  }
}
