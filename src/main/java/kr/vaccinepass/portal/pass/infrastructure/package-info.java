/** JPA storage of the trust list; implements {@code pass.domain} interfaces. */
package kr.vaccinepass.portal.pass.infrastructure;
