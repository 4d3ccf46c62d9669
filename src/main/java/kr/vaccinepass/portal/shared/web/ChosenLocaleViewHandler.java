package kr.vaccinepass.portal.shared.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.context.FacesContext;
import java.util.Locale;

/**
 * The language of every view is the one the user chose for the session (Korean until they switch),
 * never the browser's: JSF asks this when it creates a view, so messages raised while a page loads
 * (a bean's {@code @PostConstruct}, a view action, a converter's message) are in it too.
 */
public class ChosenLocaleViewHandler extends ViewHandlerWrapper {

  public ChosenLocaleViewHandler(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public Locale calculateLocale(FacesContext context) {
    return LocaleBacking.chosen(context.getExternalContext().getSession(false));
  }
}
