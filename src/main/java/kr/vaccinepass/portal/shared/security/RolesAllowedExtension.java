package kr.vaccinepass.portal.shared.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.util.Nonbinding;

/**
 * Makes {@code @RolesAllowed} an interceptor binding for CDI beans (the container enforces it on
 * EJBs only), with its value non-binding, so one {@link RolesAllowedInterceptor} serves every role
 * list. Authorization stays declared on the application services.
 */
public class RolesAllowedExtension implements Extension {
  void addBinding(@Observes BeforeBeanDiscovery discovery) {
    discovery
        .configureInterceptorBinding(RolesAllowed.class)
        .methods()
        .forEach(method -> method.add(Nonbinding.Literal.INSTANCE));
  }
}
