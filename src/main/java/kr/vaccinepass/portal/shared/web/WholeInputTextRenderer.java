package kr.vaccinepass.portal.shared.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.inputtext.InputTextRenderer;

/**
 * PrimeFaces' {@code p:inputText} renderer, except that it keeps the whole text that was sent.
 * PrimeFaces cuts a submitted value to the field's {@code maxlength} without a word, so a text
 * typed past the limit (a script, a pasted form, a crafted POST) was stored cut with a success
 * message. Here the whole text reaches the field's Bean Validation ({@code @Size} on the service's
 * form, limits in {@code TextRules}), which refuses it next to the field: nothing typed is lost.
 */
public class WholeInputTextRenderer extends InputTextRenderer {
  @Override
  public void decode(FacesContext context, UIComponent component) {
    super.decode(context, component);
    keepWholeValue(context, (UIInput) component, false);
  }

  /** Replaces the value PrimeFaces cut with the one that was sent (only if it decoded one). */
  static void keepWholeValue(FacesContext context, UIInput input, boolean multiLine) {
    if (input.getSubmittedValue() == null) {
      return;
    }
    String sent =
        context.getExternalContext().getRequestParameterMap().get(input.getClientId(context));
    if (sent != null) {
      input.setSubmittedValue(whole(sent, multiLine));
    }
  }

  /** The text as sent; in a text area, line breaks as PrimeFaces reads them (CR LF, CR → LF). */
  static String whole(String sent, boolean multiLine) {
    return multiLine ? sent.replaceAll("\r\n?", "\n") : sent;
  }
}
