/**
 * Technical services every feature stands on: the schema migration at deployment (Flyway), the
 * clock, the portal's configuration. Nothing here decides a business rule.
 */
package kr.vaccinepass.portal.shared.infrastructure;
