/**
 * JPA storage of inspections, violations, fine cases and grace declarations (with the SQL that
 * finds the cases a declaration covers); implements {@code enforcement.domain}, and facility's
 * {@code OpenCases} port (the facility feature asks, enforcement answers: the dependency still
 * points from enforcement to facility).
 */
package kr.vaccinepass.portal.enforcement.infrastructure;
