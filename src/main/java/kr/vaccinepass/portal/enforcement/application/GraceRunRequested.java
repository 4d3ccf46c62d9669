package kr.vaccinepass.portal.enforcement.application;

/**
 * A grace declaration has batch work to do (it was declared, revoked, or its run is retried); the
 * {@link GraceRunner} starts it once the transaction that asked for it has committed.
 */
public record GraceRunRequested(long declarationId) {}
