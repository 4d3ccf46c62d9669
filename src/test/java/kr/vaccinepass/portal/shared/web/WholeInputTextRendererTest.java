package kr.vaccinepass.portal.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.primefaces.component.inputtext.InputTextRenderer;
import org.primefaces.component.inputtextarea.InputTextareaRenderer;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * PrimeFaces cuts a text sent past a field's {@code maxlength} to that length, and the cut text was
 * stored with a success message (a 100,000-character facility name became its first 100). The
 * portal's renderers replace PrimeFaces' for every {@code p:inputText} and {@code p:inputTextarea}
 * and keep the whole text, so that the field's {@code @Size} refuses it with its message.
 */
class WholeInputTextRendererTest {
  @Test
  void theWholeTextIsKeptWhateverItsLength() {
    String sent = "카".repeat(100_000);
    assertEquals(sent, WholeInputTextRenderer.whole(sent, false));
    assertEquals(sent, WholeInputTextRenderer.whole(sent, true));
  }

  @Test
  void aTextAreaReadsLineBreaksAsPrimeFacesDoes() {
    assertEquals("a\nb\nc\n", WholeInputTextRenderer.whole("a\r\nb\rc\n", true));
    assertEquals("a\r\nb", WholeInputTextRenderer.whole("a\r\nb", false));
  }

  @Test
  void facesConfigPutsThemInPlaceOfPrimeFacesRenderers() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document config =
        factory
            .newDocumentBuilder()
            .parse(Path.of("src/main/webapp/WEB-INF/faces-config.xml").toFile());
    NodeList renderers = config.getElementsByTagNameNS("*", "renderer");
    Map<String, String> byType = new HashMap<>();
    for (int i = 0; i < renderers.getLength(); i++) {
      Element renderer = (Element) renderers.item(i);
      assertEquals("org.primefaces.component", text(renderer, "component-family"));
      byType.put(text(renderer, "renderer-type"), text(renderer, "renderer-class"));
    }
    assertEquals(
        WholeInputTextRenderer.class.getName(),
        byType.get("org.primefaces.component.InputTextRenderer"));
    assertEquals(
        WholeInputTextareaRenderer.class.getName(),
        byType.get("org.primefaces.component.InputTextareaRenderer"));
    // and they are PrimeFaces' renderers in all else
    assertEquals(InputTextRenderer.class, WholeInputTextRenderer.class.getSuperclass());
    assertEquals(InputTextareaRenderer.class, WholeInputTextareaRenderer.class.getSuperclass());
  }

  private static String text(Element parent, String tag) {
    return parent.getElementsByTagNameNS("*", tag).item(0).getTextContent().strip();
  }
}
