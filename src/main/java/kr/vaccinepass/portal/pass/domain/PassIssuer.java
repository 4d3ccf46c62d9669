package kr.vaccinepass.portal.pass.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import kr.vaccinepass.portal.shared.domain.LocalizedName;

/** A company whose app issues pass QRs (KI-PASS/Naver, Kakao, Toss, PASS, COOV): reference data. */
@Entity
@Table(name = "pass_issuer")
public class PassIssuer implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id private String code;

  @Embedded private LocalizedName name;

  @Column(name = "sort_order", nullable = false)
  private int sortOrder;

  protected PassIssuer() {}

  public String getCode() {
    return code;
  }

  public String name(Locale locale) {
    return name.in(locale);
  }

  public String getNameKo() {
    return name.ko();
  }
}
