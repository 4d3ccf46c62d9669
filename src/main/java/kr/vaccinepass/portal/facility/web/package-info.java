/**
 * Pages of facilities: the owner's registration and edit form, the lists of owners, inspectors and
 * administrators (one lazy model, narrowed by the service), a facility's details, and the owner's
 * chosen facility of the session, which the visit and enforcement pages share. Thin: they call
 * facility.application.
 */
package kr.vaccinepass.portal.facility.web;
