package kr.vaccinepass.portal.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The WAR the build made (target/portal.war), as deployed, plus the test classes for in-container
 * tests.
 */
public final class Deployments {
  private Deployments() {}

  /** The portal exactly as built: for browser tests, which act as real users. */
  public static WebArchive portal() {
    File war = new File(System.getProperty("portal.war", "target/portal.war"));
    if (!war.isFile()) {
      throw new IllegalStateException(war + " is missing: run the tests with mvn verify");
    }
    return ShrinkWrap.createFromZipFile(WebArchive.class, war);
  }

  /**
   * The portal with the test support and the given test classes, for in-container tests. Its
   * web.xml also lets Arquillian's test runner servlet through, which the portal's default of "a
   * role for everything" would send to the sign-in page.
   */
  public static WebArchive withTests(Class<?>... testClasses) {
    WebArchive war = portal();
    String webXml = read(war.get("/WEB-INF/web.xml").getAsset());
    String runner =
        "<security-constraint><web-resource-collection><web-resource-name>arquillian"
            + "</web-resource-name><url-pattern>/ArquillianServletRunnerEE9</url-pattern>"
            + "<url-pattern>/ArquillianServletRunner</url-pattern></web-resource-collection>"
            + "</security-constraint>\n  <deny-uncovered-http-methods/>";
    war.delete("/WEB-INF/web.xml");
    war.setWebXML(new StringAsset(webXml.replace("<deny-uncovered-http-methods/>", runner)));
    return war.addClasses(TestActors.class, TestData.class, Staff.class, Deployments.class)
        .addClasses(testClasses);
  }

  private static String read(Asset asset) {
    try (InputStream in = asset.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
