/**
 * Value types and exceptions that every feature's domain uses: business errors with a message key,
 * paging. Depends on nothing else of the portal.
 */
package kr.vaccinepass.portal.shared.domain;
