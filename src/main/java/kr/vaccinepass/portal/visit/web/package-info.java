/**
 * JSF backing beans of the visit feature: the door scanner, visit records, device keys with the
 * pairing of a door app and each door's state, and for administrators the doors per 시군구 and the
 * warning that visits cannot be written. Words for those pages (DoorTexts) live here too; the rules
 * they word are the domain's.
 */
package kr.vaccinepass.portal.visit.web;
