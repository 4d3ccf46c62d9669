/** JPA implementation of the facility repository: paged, filtered queries narrowed by scope. */
package kr.vaccinepass.portal.facility.infrastructure;
