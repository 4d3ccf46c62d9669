/** JSF backing beans of the visit feature: the door scanner, visit records, device keys. */
package kr.vaccinepass.portal.visit.web;
