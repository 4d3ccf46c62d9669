package kr.vaccinepass.portal.grace.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import kr.vaccinepass.portal.facility.application.FacilityDirectory;
import kr.vaccinepass.portal.facility.application.FacilitySnapshot;
import kr.vaccinepass.portal.facility.application.OwnerFacilityChoice;
import kr.vaccinepass.portal.grace.application.EnforcementStatusService;
import kr.vaccinepass.portal.grace.domain.EnforcementStatus;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.region.Sido;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.security.Actor;
import kr.vaccinepass.portal.shared.security.ActorResolver;
import kr.vaccinepass.portal.shared.security.Role;
import kr.vaccinepass.portal.shared.web.Messages;

/**
 * The state of enforcement in words: the banner of every signed-in page (for the inspector's 시군구,
 * the owner's chosen facility, else nationwide) and the public page, where anyone picks a place.
 */
@Named
@RequestScoped
public class EnforcementStatusBacking {
  @Inject EnforcementStatusService status;
  @Inject ActorResolver actors;
  @Inject OwnerFacilityChoice ownerChoice;
  @Inject FacilityDirectory directory;
  @Inject Regions regions;
  @Inject Messages messages;
  @Inject java.time.Clock clock;

  private EnforcementStatus banner;
  private EnforcementStatus chosen;
  private String sidoCode;
  private String sigunguCode;

  /** For the banner: the state where the signed-in user works. */
  public EnforcementStatus getBanner() {
    if (banner == null) {
      String sido = null;
      String sigungu = null;
      Actor actor = actors.current().orElse(null);
      if (actor != null && actor.is(Role.INSPECTOR)) {
        sigungu = actor.jurisdictionCode();
        sido = regions.sigungu(sigungu).map(g -> g.getSido().getCode()).orElse(null);
      } else if (actor != null && actor.is(Role.OWNER) && ownerChoice.current() != null) {
        FacilitySnapshot f = directory.find(ownerChoice.current()).orElse(null);
        if (f != null) {
          sido = f.sidoCode();
          sigungu = f.sigunguCode();
        }
      }
      banner = status.now(sido, sigungu);
    }
    return banner;
  }

  /** Whether the banner has something to say: fines do not apply, or not to everything. */
  public boolean isBannerShown() {
    return actors.current().isPresent() && !"status.finesApply".equals(getBanner().reason());
  }

  /** For the public page: the state in the chosen place (nationwide when none is chosen). */
  public EnforcementStatus getChosen() {
    if (chosen == null) {
      String sido = sidoCode == null || sidoCode.isBlank() ? null : sidoCode;
      String sigungu = sigunguCode == null || sigunguCode.isBlank() ? null : sigunguCode;
      if (sigungu != null) {
        sido = regions.sigungu(sigungu).map(g -> g.getSido().getCode()).orElse(sido);
      }
      chosen = status.now(sido, sigungu);
    }
    return chosen;
  }

  /** The sentence of a state: its reason with the detail. */
  public String text(EnforcementStatus s) {
    return messages.text(s.reason(), s.detail() == null ? "" : s.detail());
  }

  /** The portal's "now" the state was read at. */
  public java.time.Instant getAsOf() {
    return clock.instant();
  }

  public void choose() {
    chosen = null;
  }

  public List<Sido> getSidoOptions() {
    return regions.allSido();
  }

  public List<Sigungu> getSigunguOptions() {
    return sidoCode == null || sidoCode.isBlank() ? List.of() : regions.sigunguOf(sidoCode);
  }

  public String getSidoCode() {
    return sidoCode;
  }

  public void setSidoCode(String sidoCode) {
    this.sidoCode = sidoCode;
  }

  public String getSigunguCode() {
    return sigunguCode;
  }

  public void setSigunguCode(String sigunguCode) {
    this.sigunguCode = sigunguCode;
  }
}
