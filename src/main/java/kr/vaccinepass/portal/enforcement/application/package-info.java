/**
 * The enforcement services: inspections and violations in the inspector's own 시군구, the penalty and
 * the fine case; grace declarations, declared by administrators and applied or revoked in batches
 * on the server's managed threads. Uses facility through its application service.
 */
package kr.vaccinepass.portal.enforcement.application;
