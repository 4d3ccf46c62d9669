package kr.vaccinepass.portal.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import kr.vaccinepass.portal.identity.application.AccountService;
import kr.vaccinepass.portal.testsupport.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo accounts' passwords are public (README): with demo mode off none of them signs in; demo
 * mode enables them again. The tests' server runs in demo mode, so the test ends there.
 */
@ExtendWith(ArquillianExtension.class)
class DemoModeIT {
  @Deployment
  static WebArchive deployment() {
    return Deployments.withTests(DemoModeIT.class);
  }

  @Inject DemoData demo;
  @Inject AccountService accounts;

  @Test
  void withDemoModeOffNoDemoAccountSignsIn() {
    try {
      assertEquals(4, demo.applyMode(false));
      assertTrue(accounts.verify(DemoData.OWNER_EMAIL, DemoData.OWNER_PASSWORD).isEmpty());
      assertTrue(accounts.verify(DemoData.INSPECTOR_EMAIL, DemoData.INSPECTOR_PASSWORD).isEmpty());
      assertTrue(accounts.verify(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD).isEmpty());
      assertTrue(
          accounts.verify(DemoData.INVESTIGATOR_EMAIL, DemoData.INVESTIGATOR_PASSWORD).isEmpty());
    } finally {
      demo.applyMode(true);
    }
    assertTrue(accounts.verify(DemoData.ADMIN_EMAIL, DemoData.ADMIN_PASSWORD).isPresent());
    assertTrue(
        accounts.verify(DemoData.INVESTIGATOR_EMAIL, DemoData.INVESTIGATOR_PASSWORD).isPresent());
  }
}
