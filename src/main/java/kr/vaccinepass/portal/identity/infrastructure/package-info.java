/**
 * How identity meets the container and the database: the JPA account repository, the Jakarta
 * Security identity store and form mechanism, the actor of the current request, the first
 * administrator from configuration.
 */
package kr.vaccinepass.portal.identity.infrastructure;
