/**
 * The calendar (read by every signed-in user, written by administrators), grace declarations
 * (declared and revoked by administrators; {@code GraceRunRequested} tells enforcement to apply or
 * undo the waivers), incidents (the open ones also kept in memory for door scanners that poll) and
 * the state of enforcement for the public page and the banner.
 */
package kr.vaccinepass.portal.grace.application;
