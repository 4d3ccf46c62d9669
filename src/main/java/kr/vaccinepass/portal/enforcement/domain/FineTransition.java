package kr.vaccinepass.portal.enforcement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import java.time.Instant;

/**
 * One step of a fine case, for the record: who moved it from where to where, when, and why; a step
 * that keeps the state is a submitted opinion, or a grace declaration's hold or release ({@link
 * #event()}).
 */
@Embeddable
public record FineTransition(
    @Enumerated(EnumType.STRING) @Column(name = "from_state") FineState from,
    @Enumerated(EnumType.STRING) @Column(name = "to_state", nullable = false) FineState to,
    @Column(name = "at", nullable = false) Instant at,
    @Column(name = "by_account", nullable = false) long by,
    @Column(name = "reason") String reason,
    @Enumerated(EnumType.STRING) @Column(name = "event") FineEvent event)
    implements Serializable {
  /** A step that is no grace hold or release. */
  public FineTransition(FineState from, FineState to, Instant at, long by, String reason) {
    this(from, to, at, by, reason, null);
  }

  /** The party's opinion, recorded without a change of state. */
  public boolean opinion() {
    return from == to && event == null;
  }
}
