/**
 * The visit feature's services: check-in (the hot path: memory only until the one write), the 안심콜
 * webhook, the sync of doors' queues, the owner's records and devices, door checks during an
 * incident, retention. Uses facility through its directory, the pass rules and incidents of grace
 * through {@code DatedPolicies} and {@code IncidentService}; its threads, queues and caches are
 * behind the interfaces here ({@code VisitQueue}, {@code NonceLedger}, {@code NonceClaims}, {@code
 * DenialCounter}, {@code SeenSignatures}, {@code CallReportReader}), implemented in
 * visit.infrastructure.
 */
package kr.vaccinepass.portal.visit.application;
