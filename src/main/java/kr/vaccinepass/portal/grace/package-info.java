/**
 * The state of enforcement and the dated policy it follows: the enforcement calendar (coverage,
 * guidance periods, the start of fines, pass rules, penalty schedules, court rulings, the end of
 * the pass; seeded from domain-rules.md and edited by administrators with every revision kept),
 * grace declarations, verification-system incidents, and the public status page. Enforcement and
 * visit depend on it through its application services, its domain types and its CDI events, never
 * the reverse: waiving the cases a declaration covers is enforcement's answer to {@code
 * GraceRunRequested}.
 */
package kr.vaccinepass.portal.grace;
