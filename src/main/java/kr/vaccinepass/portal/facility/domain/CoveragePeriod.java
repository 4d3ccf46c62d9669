package kr.vaccinepass.portal.facility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.Instant;

/**
 * One stretch of time in which the pass applied to a facility type: from (inclusive) until
 * (exclusive, open when null), with the public source that says so.
 */
@Embeddable
public class CoveragePeriod implements Serializable {
  private static final long serialVersionUID = 1L;

  @Column(name = "covered_from", nullable = false)
  private Instant from;

  @Column(name = "covered_until")
  private Instant until;

  @Column(name = "source", nullable = false)
  private String source;

  protected CoveragePeriod() {}

  public CoveragePeriod(Instant from, Instant until, String source) {
    if (until != null && !until.isAfter(from)) {
      throw new IllegalArgumentException("a coverage period ends after it starts");
    }
    this.from = from;
    this.until = until;
    this.source = source;
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && (until == null || instant.isBefore(until));
  }

  public Instant getFrom() {
    return from;
  }

  public Instant getUntil() {
    return until;
  }

  public String getSource() {
    return source;
  }
}
