package kr.vaccinepass.portal.facility.domain;

import kr.vaccinepass.portal.shared.security.Actor;

/**
 * The part of all facilities an actor may list: an owner's own, an inspector's 시군구, or all for an
 * administrator. Lists are always narrowed by it in the query itself.
 */
public record FacilityScope(Long ownerId, String sigunguCode) {
  public static FacilityScope of(Actor actor) {
    return switch (actor.role()) {
      case OWNER -> new FacilityScope(actor.accountId(), null);
      case INSPECTOR -> new FacilityScope(null, actor.jurisdictionCode());
      case ADMIN -> new FacilityScope(null, null);
      // investigators trace visits; they list no facilities
      case INVESTIGATOR -> new FacilityScope(-1L, null);
    };
  }
}
