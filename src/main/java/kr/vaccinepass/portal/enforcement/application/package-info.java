/**
 * The enforcement services: inspections and violations in the inspector's own 시군구, the penalty and
 * the fine case; grace declarations, declared by administrators and applied or revoked in batches
 * on the server's managed threads; verification-system incidents (declared and closed by
 * administrators, the open ones also kept in memory for door scanners that poll). Uses facility
 * through its application service.
 */
package kr.vaccinepass.portal.enforcement.application;
