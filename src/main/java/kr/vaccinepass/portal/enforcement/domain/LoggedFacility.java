package kr.vaccinepass.portal.enforcement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/**
 * The facility as it was when a violation was logged, kept on the case: its name, type, business
 * number and address, and its operator (사업주), the party of an operator's case. A later change of
 * the facility never rewrites a case or its notices.
 */
@Embeddable
public class LoggedFacility implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "facility_name", nullable = false, updatable = false)
  private String name;

  @Column(name = "facility_type_code", nullable = false, updatable = false)
  private String typeCode;

  @Column(name = "facility_business_number", nullable = false, updatable = false)
  private String businessNumber;

  @Column(name = "facility_road_address", nullable = false, updatable = false)
  private String roadAddress;

  @Column(name = "operator_id", nullable = false, updatable = false)
  private long operatorId;

  @Column(name = "operator_name", nullable = false, updatable = false)
  private String operatorName;

  protected LoggedFacility() {}

  /**
   * @param businessNumber the 10 digits
   * @param operatorName the operator's name as the portal knows it on the day
   */
  public LoggedFacility(
      String name,
      String typeCode,
      String businessNumber,
      String roadAddress,
      long operatorId,
      String operatorName) {
    this.name = Objects.requireNonNull(name, "name");
    this.typeCode = Objects.requireNonNull(typeCode, "typeCode");
    this.businessNumber = Objects.requireNonNull(businessNumber, "businessNumber");
    this.roadAddress = Objects.requireNonNull(roadAddress, "roadAddress");
    this.operatorId = operatorId;
    this.operatorName = Objects.requireNonNull(operatorName, "operatorName");
  }

  public String name() {
    return name;
  }

  public String typeCode() {
    return typeCode;
  }

  /** The 10 digits. */
  public String businessNumber() {
    return businessNumber;
  }

  /** As printed: 123-45-67890. */
  public String formattedBusinessNumber() {
    return businessNumber.substring(0, 3)
        + "-"
        + businessNumber.substring(3, 5)
        + "-"
        + businessNumber.substring(5);
  }

  public String roadAddress() {
    return roadAddress;
  }

  public long operatorId() {
    return operatorId;
  }

  public String operatorName() {
    return operatorName;
  }
}
