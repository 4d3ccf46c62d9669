package kr.vaccinepass.portal.identity.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.shared.infrastructure.PortalConfig;
import kr.vaccinepass.portal.shared.infrastructure.SchemaMigration.SchemaReady;

/**
 * On a fresh installation, creates the first administrator from PORTAL_ADMIN_EMAIL and
 * PORTAL_ADMIN_PASSWORD (or the system properties portal.admin.email / portal.admin.password); once
 * any administrator exists this does nothing.
 */
@ApplicationScoped
public class AdministratorBootstrap {
  private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

  @Inject AccountService accounts;

  void onSchemaReady(@Observes SchemaReady ready) {
    var email = PortalConfig.get("portal.admin.email");
    var password = PortalConfig.get("portal.admin.password");
    if (email.isPresent() && password.isPresent()) {
      if (accounts.bootstrapAdministrator(email.get(), password.get(), "Administrator")) {
        LOG.info("First administrator created from the configuration");
      }
    }
  }
}
