/**
 * Korea's administrative regions (17 시도 and their 시군구, standard codes), reference data from
 * db/migration. Every feature may use it; it uses nothing else of the portal.
 */
package kr.vaccinepass.portal.shared.region;
