package kr.vaccinepass.portal.enforcement.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/** One step of a fine case, for the record: who moved it from where to where, when, and why. */
@Embeddable
public record FineTransition(
    @Enumerated(EnumType.STRING) @Column(name = "from_state") FineState from,
    @Enumerated(EnumType.STRING) @Column(name = "to_state", nullable = false) FineState to,
    @Column(name = "at", nullable = false) Instant at,
    @Column(name = "by_account", nullable = false) long by,
    @Column(name = "reason") String reason) {}
