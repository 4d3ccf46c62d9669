package kr.vaccinepass.portal.enforcement.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Optional;
import kr.vaccinepass.portal.enforcement.application.SanctionService;
import kr.vaccinepass.portal.enforcement.domain.SanctionDecision;
import kr.vaccinepass.portal.enforcement.domain.Violation;
import kr.vaccinepass.portal.shared.domain.BusinessException;
import kr.vaccinepass.portal.shared.domain.NotFoundException;
import kr.vaccinepass.portal.shared.web.Messages;

/**
 * The sanction card of inspector/case.xhtml: the suspension or closure the law proposed with the
 * fine, and the inspector's decision of when it starts; once decided, its dates.
 */
@Named
@ViewScoped
public class CaseSanctionBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject SanctionService sanctions;
  @Inject CaseBacking caseBacking;
  @Inject Messages messages;

  /** Read once per view (again after a decision); not kept if the view is serialised. */
  private transient Optional<SanctionDecision> decision;

  private LocalDate startsOn;

  /** Whether the violation carries a sanction to decide (a suspension or a closure). */
  public boolean isDecidable() {
    Violation v = caseBacking.getViolation();
    if (v == null) {
      return false;
    }
    return v.proposedSanction().kind().needsDecision();
  }

  public SanctionDecision getDecision() {
    if (decision == null) {
      try {
        decision =
            caseBacking.getId() == null
                ? Optional.empty()
                : sanctions.ofViolation(caseBacking.getId());
      } catch (NotFoundException e) {
        decision = Optional.empty();
      }
    }
    return decision.orElse(null);
  }

  public void decide() {
    try {
      sanctions.decide(caseBacking.getId(), startsOn);
      decision = null;
      messages.info("sanction.decided");
    } catch (BusinessException e) {
      messages.show(e, "sanctionForm");
    }
  }

  public LocalDate getStartsOn() {
    if (startsOn == null) {
      startsOn = caseBacking.getToday();
    }
    return startsOn;
  }

  public void setStartsOn(LocalDate startsOn) {
    this.startsOn = startsOn;
  }
}
