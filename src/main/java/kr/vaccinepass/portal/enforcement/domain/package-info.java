/**
 * Inspections, violations, the penalty the law sets for them, and the administrative-fine case
 * through its lifecycle (질서위반행위규제법). Depends on {@code shared.domain} only.
 */
package kr.vaccinepass.portal.enforcement.domain;
