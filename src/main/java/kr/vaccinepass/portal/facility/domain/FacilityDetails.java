package kr.vaccinepass.portal.facility.domain;

import java.math.BigDecimal;
import kr.vaccinepass.portal.shared.region.Sigungu;

/** What an owner states about a facility, checked and resolved (type and 시군구 exist). */
public record FacilityDetails(
    String name,
    FacilityType type,
    BusinessRegistrationNumber businessNumber,
    Sigungu sigungu,
    String roadAddress,
    BigDecimal floorAreaM2,
    Integer capacity) {}
