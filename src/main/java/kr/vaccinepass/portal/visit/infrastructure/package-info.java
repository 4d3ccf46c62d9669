/** JPA storage of visits, device keys and refusal counts; implements {@code visit.domain}. */
package kr.vaccinepass.portal.visit.infrastructure;
