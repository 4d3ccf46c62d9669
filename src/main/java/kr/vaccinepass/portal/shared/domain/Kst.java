package kr.vaccinepass.portal.shared.domain;

import java.time.ZoneId;

/**
 * Korean Standard Time (Asia/Seoul), the zone of every Korean date the rules speak of (a day of the
 * pass, a guidance period, a schedule's effective date, a suspension's last day), declared once.
 */
public final class Kst {
  public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

  private Kst() {}
}
