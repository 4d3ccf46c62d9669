/**
 * The trail in PostgreSQL (appended under an advisory lock so that the chain has one order in a
 * cluster) and the client's address of the current request.
 */
package kr.vaccinepass.portal.audit.infrastructure;
