package kr.vaccinepass.portal.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import kr.vaccinepass.portal.shared.domain.Kst;
import kr.vaccinepass.portal.shared.domain.Money;

/** Formatting for pages: instants in Korean time, names and amounts in the user's language. */
@Named
@ApplicationScoped
public class Formats {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(Kst.ZONE);

  @Inject LocaleBacking localeBacking;

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }

  /** 1,500,000원 in Korean, KRW 1,500,000 in English; empty for none. */
  public String money(Money money) {
    return money == null ? "" : money.format(locale());
  }

  /** A day as 2022-03-02; empty for none. */
  public String date(LocalDate day) {
    return day == null ? "" : day.toString();
  }

  public Locale locale() {
    return localeBacking.getLocale();
  }
}
