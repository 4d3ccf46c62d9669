package kr.vaccinepass.portal.grace.application;

/**
 * A grace declaration has batch work to do (it was declared, revoked, or its run is retried);
 * enforcement, which holds the cases, starts it once the transaction that asked for it has
 * committed.
 */
public record GraceRunRequested(long declarationId) {}
