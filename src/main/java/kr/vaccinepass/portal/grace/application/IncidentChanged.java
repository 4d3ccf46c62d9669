package kr.vaccinepass.portal.grace.application;

/** An incident was declared or closed: the open incidents kept in memory are read again. */
public record IncidentChanged(long incidentId) {}
