/**
 * Writing the trail (for every feature, in the caller's transaction), the administrator's search
 * and export with the verification of the chain, the owner's view of who read their records, and
 * the yearly prune.
 */
package kr.vaccinepass.portal.audit.application;
