/**
 * The visit feature's services: check-in (the hot path: memory only until the one write), the 안심콜
 * webhook, the sync of doors' queues, the owner's records and devices, door checks during an
 * incident, retention. Uses facility through its directory, and enforcement's incidents through its
 * IncidentService.
 */
package kr.vaccinepass.portal.visit.application;
