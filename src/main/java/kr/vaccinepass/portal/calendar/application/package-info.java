/** Reading the calendar (any signed-in user) and editing it (administrators). */
package kr.vaccinepass.portal.calendar.application;
