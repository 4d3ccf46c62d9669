package kr.vaccinepass.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The check-in API answers asynchronously (AsyncResponse, docs/checkin.md section 13): a servlet
 * filter in front of it that does not allow asynchronous requests makes every check-in fail (it
 * did: the security-headers filter was declared without it, and each check-in answered 400).
 */
class WebXmlFiltersTest {
  @Test
  void everyFilterDeclaredInWebXmlAllowsAsynchronousRequests() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document webXml =
        factory.newDocumentBuilder().parse(Path.of("src/main/webapp/WEB-INF/web.xml").toFile());
    NodeList filters = webXml.getElementsByTagNameNS("*", "filter");
    assertFalse(filters.getLength() == 0, "web.xml declares filters");
    for (int i = 0; i < filters.getLength(); i++) {
      Element filter = (Element) filters.item(i);
      String name = filter.getElementsByTagNameNS("*", "filter-name").item(0).getTextContent();
      NodeList async = filter.getElementsByTagNameNS("*", "async-supported");
      assertEquals(1, async.getLength(), name + " says whether it allows asynchronous requests");
      assertEquals("true", async.item(0).getTextContent().strip(), name + " allows them");
    }
  }
}
