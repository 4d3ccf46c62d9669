/**
 * The enforcement services: inspections and violations in the inspector's own 시군구, the penalty and
 * the fine case. Uses facility through its application service.
 */
package kr.vaccinepass.portal.enforcement.application;
