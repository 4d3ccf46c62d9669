package kr.vaccinepass.portal.shared.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.ConverterException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.primefaces.component.api.UICalendar;
import org.primefaces.component.datepicker.DatePickerRenderer;

/**
 * PrimeFaces' date picker, whose refusal of a date it cannot read gives an example ("예:
 * 2022-01-12") made from the portal's clock: PrimeFaces makes it from the machine's wall clock,
 * which on a demo or rehearsal clock ({@code portal.clock.start}) names a day the portal is not on.
 */
public class PortalClockDatePickerRenderer extends DatePickerRenderer {

  @Override
  protected ConverterException createConverterException(
      FacesContext context, UICalendar calendar, String submittedValue, Object param) {
    Object example = param;
    if (param instanceof String made) {
      String pattern = calendar.isTimeOnly() ? calendar.calculateTimeOnlyPattern() : null;
      if (pattern == null) {
        pattern = calendar.calculatePattern();
      }
      example =
          example(
              CDI.current().select(Clock.class).get(),
              pattern,
              calendar.calculateLocale(context),
              made);
    }
    return super.createConverterException(context, calendar, submittedValue, example);
  }

  /**
   * The portal's now in the picker's pattern; what the picker made when the pattern is one {@link
   * DateTimeFormatter} does not read.
   */
  static String example(Clock clock, String pattern, Locale locale, String made) {
    try {
      return LocalDateTime.now(clock).format(DateTimeFormatter.ofPattern(pattern, locale));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      return made;
    }
  }
}
