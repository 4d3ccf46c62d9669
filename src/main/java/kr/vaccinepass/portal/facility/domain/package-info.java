/**
 * Facilities and their types: registration rules (business registration number, floor area of a
 * large store), who may see a facility, which types the pass covers on a date, which details stay
 * fixed while cases are open ({@code OpenCases}, a port that enforcement implements). Depends only
 * on shared.
 */
package kr.vaccinepass.portal.facility.domain;
