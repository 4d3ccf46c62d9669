/**
 * Inspections, violations, the penalty the law sets for them, the administrative-fine case through
 * its lifecycle (질서위반행위규제법), and the grace declarations that waive cases. Depends on {@code
 * shared.domain} only. Grace declarations live here rather than in a {@code grace} feature of their
 * own because a waiver and its link to the declaration must change the fine case in the same
 * transaction, which another feature could not do through an application service.
 */
package kr.vaccinepass.portal.enforcement.domain;
