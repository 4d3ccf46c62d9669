/**
 * JSF backing beans of the visit feature: the door scanner, visit records, device keys, and the
 * administrators' warning that visits cannot be written.
 */
package kr.vaccinepass.portal.visit.web;
