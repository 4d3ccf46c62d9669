/** JPA storage of inspections, violations and fine cases; implements {@code enforcement.domain}. */
package kr.vaccinepass.portal.enforcement.infrastructure;
