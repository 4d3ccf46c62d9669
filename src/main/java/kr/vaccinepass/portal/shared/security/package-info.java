/**
 * Who is acting: the {@link kr.vaccinepass.portal.shared.security.Actor} of a call, how it is found
 * ({@link kr.vaccinepass.portal.shared.security.ActorResolver}, implemented by identity), and the
 * interceptor that makes {@code @RolesAllowed} on CDI application services binding.
 */
package kr.vaccinepass.portal.shared.security;
