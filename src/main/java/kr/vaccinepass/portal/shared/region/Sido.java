package kr.vaccinepass.portal.shared.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;

/** A 시도 (province-level unit), identified by its 10-digit standard code. Read-only. */
@Entity
@Table(name = "sido")
public class Sido {
  @Id private String code;

  @Column(name = "name_ko")
  private String nameKo;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "sort_order")
  private int sortOrder;

  protected Sido() {}

  public String getCode() {
    return code;
  }

  public String getNameKo() {
    return nameKo;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String name(Locale locale) {
    return Regions.isKorean(locale) ? nameKo : nameEn;
  }

  public int getSortOrder() {
    return sortOrder;
  }
}
