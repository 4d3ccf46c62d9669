/**
 * Visits and what records them: the QR check-in's answer codes, 안심콜 calls, handwritten entries,
 * door device keys, and what a door's record becomes at sync (DoorRecordRules). Uses the value
 * types of {@code pass.domain} (decisions, reasons), which are the vocabulary of a check-in;
 * nothing else of another feature.
 */
package kr.vaccinepass.portal.visit.domain;
