package kr.vaccinepass.portal.facility.application;

import kr.vaccinepass.portal.facility.domain.FacilityStatus;
import kr.vaccinepass.portal.facility.domain.FacilityType;

/** What the check-in path needs of a facility, held in memory (FacilityDirectory). */
public record FacilitySnapshot(
    long id,
    long ownerId,
    String name,
    FacilityType type,
    FacilityStatus status,
    String sigunguCode,
    String sidoCode,
    String safeCallNumber) {}
