/**
 * Who read personal data or changed what matters, when, from where, what and why: an append-only
 * trail whose entries are chained by hash, an administrator's search of it, and an owner's view of
 * who read their facilities' visit records. Every feature writes to it through {@code
 * audit.application.AuditTrail}, in the transaction of the read or change it records; the audit
 * feature depends on no other feature but {@code shared}.
 */
package kr.vaccinepass.portal.audit;
