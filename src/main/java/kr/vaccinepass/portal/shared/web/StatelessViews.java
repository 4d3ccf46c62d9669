package kr.vaccinepass.portal.shared.web;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewDeclarationLanguage;
import jakarta.faces.view.ViewDeclarationLanguageFactory;
import jakarta.faces.view.ViewDeclarationLanguageWrapper;
import java.util.Set;

/**
 * Pages that keep no view state, so that showing them to an anonymous visitor creates no session:
 * the landing page and the public status page (their forms, the language switch and the 시군구
 * chooser, work without it: their beans are request-scoped). The view is marked transient where it
 * is created, for a first request and for a postback alike: PrimeFaces' CSP keeps the page's nonce
 * in the view map, and so in the session, unless the view is transient before the render phase
 * starts (f:view transient is applied too late for that), and Faces rebuilds a stateless view on
 * postback through the same createView.
 */
public class StatelessViews extends ViewDeclarationLanguageFactory {
  static final Set<String> STATELESS = Set.of("/public/index.xhtml", "/public/enforcement.xhtml");

  public StatelessViews(ViewDeclarationLanguageFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ViewDeclarationLanguage getViewDeclarationLanguage(String viewId) {
    ViewDeclarationLanguage vdl = getWrapped().getViewDeclarationLanguage(viewId);
    return STATELESS.contains(viewId) && vdl != null ? new Transient(vdl) : vdl;
  }

  private static final class Transient extends ViewDeclarationLanguageWrapper {
    Transient(ViewDeclarationLanguage wrapped) {
      super(wrapped);
    }

    @Override
    public UIViewRoot createView(FacesContext context, String viewId) {
      UIViewRoot root = super.createView(context, viewId);
      if (root != null) {
        root.setTransient(true);
      }
      return root;
    }
  }
}
