/**
 * JPA storage of inspections, violations, fine cases and grace declarations (with the SQL that
 * finds the cases a declaration covers); implements {@code enforcement.domain}.
 */
package kr.vaccinepass.portal.enforcement.infrastructure;
