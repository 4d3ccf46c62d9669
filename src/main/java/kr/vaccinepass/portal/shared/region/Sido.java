package kr.vaccinepass.portal.shared.region;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import kr.vaccinepass.portal.shared.domain.LocalizedName;

/** A 시도 (province-level unit), identified by its 10-digit standard code. Read-only. */
@Entity
@Table(name = "sido")
public class Sido implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id private String code;

  @Embedded private LocalizedName name;

  @Column(name = "sort_order")
  private int sortOrder;

  protected Sido() {}

  public String getCode() {
    return code;
  }

  public String getNameKo() {
    return name.ko();
  }

  public String name(Locale locale) {
    return name.in(locale);
  }

  public int getSortOrder() {
    return sortOrder;
  }
}
