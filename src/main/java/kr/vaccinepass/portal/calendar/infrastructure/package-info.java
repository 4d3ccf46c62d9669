/** JPA storage of the calendar. */
package kr.vaccinepass.portal.calendar.infrastructure;
