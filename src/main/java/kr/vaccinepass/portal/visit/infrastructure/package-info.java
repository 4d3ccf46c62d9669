/**
 * How visits are kept: JPA storage of visits, device keys and refusal counts ({@code
 * visit.domain}'s repository); and the check-in path's threads, queues and in-memory state behind
 * the interfaces {@code visit.application} uses: the batch writer ({@code VisitBatcher}, a {@code
 * VisitQueue}), the answered nonces ({@code InMemoryNonceLedger}), the shared nonce claims ({@code
 * InfinispanNonceClaims}), the refusal counts ({@code BufferedDenialCounter}), the webhook's seen
 * signatures and its JSON reading ({@code InMemorySeenSignatures}, {@code JsonCallReportReader}).
 */
package kr.vaccinepass.portal.visit.infrastructure;
