package kr.vaccinepass.portal.enforcement.application;

/** An incident was declared or closed: the open incidents kept in memory are read again. */
public record IncidentChanged(long incidentId) {}
