package kr.vaccinepass.portal.enforcement.domain;

import java.time.Instant;

/** One step of a fine case, for the record: who moved it from where to where, when, and why. */
public record FineTransition(FineState from, FineState to, Instant at, long by, String reason) {}
