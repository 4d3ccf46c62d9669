package kr.vaccinepass.portal.shared.region;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import kr.vaccinepass.portal.shared.domain.LocalizedName;

/**
 * A 시군구: the local government that imposes fines and whose inspectors act there. Read-only
 * reference data.
 */
@Entity
@Table(name = "sigungu")
public class Sigungu implements Serializable {
  private static final long serialVersionUID = 1L;

  @Id private String code;

  @ManyToOne(fetch = FetchType.EAGER, optional = false)
  @JoinColumn(name = "sido_code")
  private Sido sido;

  @Embedded private LocalizedName name;

  protected Sigungu() {}

  public String getCode() {
    return code;
  }

  public Sido getSido() {
    return sido;
  }

  public String getNameKo() {
    return name.ko();
  }

  public String name(Locale locale) {
    return name.in(locale);
  }

  /** The head of this local government, who issues its notices: "서울특별시 종로구청장". */
  public String headTitleKo() {
    return LocalGovernmentHead.titleKo(sido.getNameKo(), name.ko());
  }

  /** "서울특별시 종로구" or "Jongno-gu, Seoul". */
  public String fullName(Locale locale) {
    if (name.ko().equals(sido.getNameKo())) {
      return sido.name(locale);
    }
    return "en".equals(locale == null ? null : locale.getLanguage())
        ? name.en() + ", " + sido.name(locale)
        : sido.getNameKo() + " " + name.ko();
  }
}
