/**
 * The audit entry, the kinds of reads and changes it records, the personal fields a read showed,
 * and the hash chain that makes a removed or altered entry visible. Depends on {@code
 * shared.domain} and {@code shared.security} only.
 */
package kr.vaccinepass.portal.audit.domain;
