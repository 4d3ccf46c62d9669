/** The administrators' calendar page. */
package kr.vaccinepass.portal.calendar.web;
