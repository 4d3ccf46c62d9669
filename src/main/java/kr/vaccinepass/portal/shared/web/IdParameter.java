package kr.vaccinepass.portal.shared.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.FacesConverter;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The id in a page's address ({@code <f:viewParam name="id" converter="portal.id"/>}): digits only.
 * Anything else ({@code ?id=abc}, {@code ?id=-1}, a number too long) names no page, so the request
 * answers the portal's 404 page at once, as for a page that does not exist, instead of the page
 * rendered empty or the converter's message. No value is null: the page says what is missing.
 */
@FacesConverter("portal.id")
public class IdParameter implements Converter<Long> {
  /** At most 18 digits: every such number is a {@code long}. */
  private static final String DIGITS = "[0-9]{1,18}";

  @Override
  public Long getAsObject(FacesContext context, UIComponent component, String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (value.matches(DIGITS)) {
      return Long.valueOf(value);
    }
    notFound(context);
    return null;
  }

  @Override
  public String getAsString(FacesContext context, UIComponent component, Long value) {
    return value == null ? "" : value.toString();
  }

  /** Answers 404 with the portal's error page (web.xml) and ends the JSF lifecycle here. */
  static void notFound(FacesContext context) {
    if (context.getResponseComplete()) {
      return; // a second parameter of the same page said so already
    }
    try {
      context.getExternalContext().responseSendError(404, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
  }
}
