/**
 * JPA storage of the calendar, grace declarations and incidents; implements {@code grace.domain}.
 */
package kr.vaccinepass.portal.grace.infrastructure;
