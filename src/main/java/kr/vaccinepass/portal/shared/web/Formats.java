package kr.vaccinepass.portal.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import kr.vaccinepass.portal.shared.infrastructure.ClockProducer;

/** Formatting for pages: instants in Korean time, names in the user's language. */
@Named
@ApplicationScoped
public class Formats {
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ClockProducer.KST);

  @Inject LocaleBacking localeBacking;

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }

  public Locale locale() {
    return localeBacking.getLocale();
  }
}
