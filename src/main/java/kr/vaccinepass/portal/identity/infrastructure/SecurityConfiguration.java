package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import kr.vaccinepass.portal.shared.security.Role;

/**
 * Jakarta Security: the portal's roles. Sign-in is {@link PortalAuthenticationMechanism} (the
 * portal's own page calls SecurityContext.authenticate); credentials are checked by {@link
 * PortalIdentityStore}.
 */
@ApplicationScoped
@DeclareRoles({Role.OWNER_NAME, Role.INSPECTOR_NAME, Role.ADMIN_NAME, Role.INVESTIGATOR_NAME})
public class SecurityConfiguration {}
