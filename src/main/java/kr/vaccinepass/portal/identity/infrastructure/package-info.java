/**
 * How identity meets the container and the database: the JPA account repository, the Jakarta
 * Security identity store and the portal's own authentication mechanism (sign-in page, session id
 * renewed at sign-in), the actor of the current request, the first administrator from
 * configuration.
 */
package kr.vaccinepass.portal.identity.infrastructure;
