package kr.vaccinepass.portal.shared.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.inputtextarea.InputTextareaRenderer;

/**
 * PrimeFaces' {@code p:inputTextarea} renderer, except that it keeps the whole text that was sent
 * instead of cutting it to {@code maxlength}: see {@link WholeInputTextRenderer}.
 */
public class WholeInputTextareaRenderer extends InputTextareaRenderer {
  @Override
  public void decode(FacesContext context, UIComponent component) {
    super.decode(context, component);
    WholeInputTextRenderer.keepWholeValue(context, (UIInput) component, true);
  }
}
