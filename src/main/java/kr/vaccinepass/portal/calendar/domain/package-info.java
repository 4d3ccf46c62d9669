/** Policy events and their revisions. Depends on {@code shared.domain} only. */
package kr.vaccinepass.portal.calendar.domain;
