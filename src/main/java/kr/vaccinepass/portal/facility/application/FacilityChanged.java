package kr.vaccinepass.portal.facility.application;

/** Fired when a facility's details or status change, so cached snapshots are dropped. */
public record FacilityChanged(long facilityId) {}
