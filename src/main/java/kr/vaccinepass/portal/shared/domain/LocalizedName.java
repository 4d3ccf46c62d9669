package kr.vaccinepass.portal.shared.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;

/**
 * A name of reference data in Korean and in English (columns name_ko, name_en), shown in the user's
 * language; Korean for any language but English.
 */
@Embeddable
public class LocalizedName implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "name_ko", nullable = false)
  private String ko;

  @Column(name = "name_en", nullable = false)
  private String en;

  protected LocalizedName() {}

  public LocalizedName(String ko, String en) {
    this.ko = Objects.requireNonNull(ko);
    this.en = Objects.requireNonNull(en);
  }

  public String in(Locale locale) {
    return locale != null && "en".equals(locale.getLanguage()) ? en : ko;
  }

  public String ko() {
    return ko;
  }

  public String en() {
    return en;
  }
}
