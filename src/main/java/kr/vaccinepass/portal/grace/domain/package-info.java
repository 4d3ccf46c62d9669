/**
 * Policy events and their revisions, the dated policy they make (guidance periods, penalty
 * schedules as written), grace declarations with their scope, incidents and the state of
 * enforcement. Depends on {@code shared.domain} only. {@code CoveredCases} is the port through
 * which a declaration's preview counts the cases it would waive; enforcement implements it.
 */
package kr.vaccinepass.portal.grace.domain;
