package kr.vaccinepass.portal.shared.domain;

import java.io.Serializable;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * An amount in whole Korean won (KRW has no minor unit in practice). Percentages round down to the
 * won (원 미만 절사), which is how surcharges and reductions are computed on notices.
 */
public record Money(long won) implements Serializable, Comparable<Money> {
  public static final Money ZERO = new Money(0);

  public Money {
    if (won < 0) {
      throw new IllegalArgumentException("money is not negative: " + won);
    }
  }

  public static Money won(long won) {
    return new Money(won);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(won, other.won));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(won, other.won));
  }

  /** This amount times a rate given in basis points (1.2% = 120), rounded down to the won. */
  public Money timesBasisPoints(long basisPoints) {
    return new Money(Math.multiplyExact(won, basisPoints) / 10_000);
  }

  public boolean isZero() {
    return won == 0;
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(won, other.won);
  }

  /** 1,500,000원 / KRW 1,500,000. */
  public String format(Locale locale) {
    String digits = NumberFormat.getIntegerInstance(Locale.KOREA).format(won);
    return "ko".equals(locale.getLanguage()) ? digits + "원" : "KRW " + digits;
  }

  @Override
  public String toString() {
    return won + " KRW";
  }
}
