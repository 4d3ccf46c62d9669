/**
 * Facilities and their types: registration rules (business registration number, floor area of a
 * large store), who may see a facility, which types the pass covers on a date. Depends only on
 * shared.
 */
package kr.vaccinepass.portal.facility.domain;
