package kr.vaccinepass.portal.grace.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * An administrative sanction (행정처분) against an operator, as proposed beside a fine: it "can" be
 * imposed, and takes effect when decided (domain-rules.md, "Penalties").
 *
 * @param kind the kind of sanction
 * @param length how long a {@link SanctionKind#SUSPENSION} lasts, in days only or in months/years
 *     only (10 days, 20 days, 3 months); null for every other kind
 */
public record Sanction(SanctionKind kind, Period length) implements Serializable {
  /** No sanction. */
  public static final Sanction NONE = new Sanction(SanctionKind.NONE, null);

  /** A warning (경고). */
  public static final Sanction WARNING = new Sanction(SanctionKind.WARNING, null);

  /** A closure order (폐쇄 명령). */
  public static final Sanction CLOSURE = new Sanction(SanctionKind.CLOSURE, null);

  public Sanction {
    Objects.requireNonNull(kind, "kind");
    if (kind == SanctionKind.SUSPENSION) {
      Objects.requireNonNull(length, "a suspension has a length");
      if (length.isZero() || length.isNegative()) {
        throw new IllegalArgumentException("a suspension lasts a positive length: " + length);
      }
      if (length.getDays() != 0 && length.toTotalMonths() != 0) {
        // 민법 Art. 160 counts months by the calendar and days one by one; a mix has no one end
        throw new IllegalArgumentException(
            "a suspension lasts days or months, not both: " + length);
      }
    } else if (length != null) {
      throw new IllegalArgumentException("only a suspension has a length: " + kind);
    }
  }

  /** An operation suspension of that length (days only, or months/years only). */
  public static Sanction suspension(Period length) {
    return new Sanction(SanctionKind.SUSPENSION, length);
  }

  /**
   * The last day of a suspension starting on start (inclusive): start + length - 1 day. The first
   * day counts because the suspension starts at 00:00 (민법 Art. 157). A length in months ends on the
   * day before the corresponding day of the last month, and on the last day of that month when it
   * has no corresponding day (민법 Art. 160(3)): 3 months from 2022-01-31 end on 2022-04-30.
   *
   * @throws IllegalStateException when this is not a suspension
   */
  public LocalDate lastDay(LocalDate start) {
    Objects.requireNonNull(start, "start");
    if (kind != SanctionKind.SUSPENSION) {
      throw new IllegalStateException("only a suspension has a last day: " + kind);
    }
    if (length.getDays() != 0) {
      return start.plusDays(length.getDays() - 1L);
    }
    LocalDate corresponding = start.plusMonths(length.toTotalMonths());
    boolean clamped = corresponding.getDayOfMonth() != start.getDayOfMonth();
    // no corresponding day (e.g. 04-31): plusMonths already gave the month's last day
    return clamped ? corresponding : corresponding.minusDays(1);
  }

  /**
   * How the calendar stores the sanction: {@code NONE}, {@code WARNING}, {@code CLOSURE}, or the
   * suspension's length in ISO-8601 ({@code P10D}, {@code P3M}).
   */
  public String code() {
    return kind == SanctionKind.SUSPENSION ? length.toString() : kind.name();
  }

  /**
   * The sanction a stored code names ({@link #code()}).
   *
   * @throws IllegalArgumentException for a code that names none
   */
  public static Sanction ofCode(String code) {
    Objects.requireNonNull(code, "code");
    if (code.startsWith("P")) {
      try {
        return suspension(Period.parse(code));
      } catch (java.time.format.DateTimeParseException e) {
        throw new IllegalArgumentException("not a sanction: " + code, e);
      }
    }
    SanctionKind k = SanctionKind.valueOf(code);
    if (k == SanctionKind.SUSPENSION) {
      throw new IllegalArgumentException("a suspension has a length: " + code);
    }
    return new Sanction(k, null);
  }
}
