/**
 * The enforcement calendar: the dated policy events of the vaccine pass (coverage, guidance
 * periods, start of fines, rule changes, court rulings, the end of the pass), seeded from
 * domain-rules.md and edited by administrators with every revision kept.
 */
package kr.vaccinepass.portal.calendar;
