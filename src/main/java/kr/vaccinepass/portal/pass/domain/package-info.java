/**
 * The vaccine pass as rules: what a visitor can show (pass facts), the dated policy table that says
 * which rule applied on which day in Korea, and the rules that decide pass, exempt or no pass at a
 * facility at an instant. Depends on nothing but {@code facility.domain.FacilityType}.
 */
package kr.vaccinepass.portal.pass.domain;
