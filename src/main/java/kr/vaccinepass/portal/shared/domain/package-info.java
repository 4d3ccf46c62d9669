/**
 * Value types and exceptions that every feature's domain uses: business errors with a message key,
 * paging, and what a typed text may hold ({@code TextRules} with the column limits, the constraints
 * {@code @SingleLine} and {@code @PlainText}). Depends on nothing else of the portal.
 */
package kr.vaccinepass.portal.shared.domain;
