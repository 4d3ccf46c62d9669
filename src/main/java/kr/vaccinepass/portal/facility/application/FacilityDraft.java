package kr.vaccinepass.portal.facility.application;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import kr.vaccinepass.portal.facility.domain.Facility;
import kr.vaccinepass.portal.facility.domain.ValidBusinessNumber;
import kr.vaccinepass.portal.shared.domain.SingleLine;
import kr.vaccinepass.portal.shared.domain.TextRules;

/**
 * A facility as the owner types it, before it is checked against the data. The constraints here
 * check the page field by field and the service again for every caller.
 */
public class FacilityDraft implements Serializable {
  private static final long serialVersionUID = 1L;

  @NotBlank(message = "{facility.name.required}")
  @Size(max = TextRules.FACILITY_NAME, message = "{facility.name.tooLong}")
  @SingleLine
  private String name;

  @NotBlank(message = "{facility.type.required}")
  private String typeCode;

  @NotBlank(message = "{facility.businessNumber.required}")
  @Size(max = 20, message = "{facility.businessNumber.invalid}")
  @ValidBusinessNumber
  private String businessNumber;

  private String sidoCode;

  @NotBlank(message = "{facility.sigungu.required}")
  private String sigunguCode;

  @NotBlank(message = "{facility.roadAddress.required}")
  @Size(max = TextRules.ROAD_ADDRESS, message = "{facility.roadAddress.tooLong}")
  @SingleLine
  private String roadAddress;

  @DecimalMin(value = "1", message = "{facility.floorArea.range}")
  @DecimalMax(value = "10000000", message = "{facility.floorArea.range}")
  @Digits(integer = 8, fraction = 2, message = "{facility.floorArea.range}")
  private BigDecimal floorAreaM2;

  @Min(value = 1, message = "{facility.capacity.range}")
  @Max(value = 100000, message = "{facility.capacity.range}")
  private Integer capacity;

  public static FacilityDraft of(Facility facility) {
    FacilityDraft draft = new FacilityDraft();
    draft.name = facility.getName();
    draft.typeCode = facility.getType().getCode();
    draft.businessNumber = facility.getBusinessNumber().formatted();
    draft.sidoCode = facility.getSigungu().getSido().getCode();
    draft.sigunguCode = facility.getSigungu().getCode();
    draft.roadAddress = facility.getRoadAddress();
    draft.floorAreaM2 = facility.getFloorAreaM2();
    draft.capacity = facility.getCapacity();
    return draft;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTypeCode() {
    return typeCode;
  }

  public void setTypeCode(String typeCode) {
    this.typeCode = typeCode;
  }

  public String getBusinessNumber() {
    return businessNumber;
  }

  public void setBusinessNumber(String businessNumber) {
    this.businessNumber = businessNumber;
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

  public String getRoadAddress() {
    return roadAddress;
  }

  public void setRoadAddress(String roadAddress) {
    this.roadAddress = roadAddress;
  }

  public BigDecimal getFloorAreaM2() {
    return floorAreaM2;
  }

  public void setFloorAreaM2(BigDecimal floorAreaM2) {
    this.floorAreaM2 = floorAreaM2;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public void setCapacity(Integer capacity) {
    this.capacity = capacity;
  }
}
