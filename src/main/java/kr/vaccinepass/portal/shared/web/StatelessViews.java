package kr.vaccinepass.portal.shared.web;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.util.Set;

/**
 * Pages that keep no view state, so that showing them to an anonymous visitor creates no session:
 * the landing page and the public status page (their forms, the language switch and the 시군구
 * chooser, work without it: their beans are request-scoped). The view is marked transient as it is
 * created, before the render phase starts: PrimeFaces' CSP keeps the page's nonce in the view map,
 * and so in the session, unless the view is already transient by then (f:view transient is applied
 * too late for that).
 */
public class StatelessViews extends ViewHandlerWrapper {
  static final Set<String> STATELESS = Set.of("/public/index.xhtml", "/public/enforcement.xhtml");

  public StatelessViews(ViewHandler wrapped) {
    super(wrapped);
  }

  @Override
  public UIViewRoot createView(FacesContext context, String viewId) {
    UIViewRoot root = super.createView(context, viewId);
    if (root != null && STATELESS.contains(root.getViewId())) {
      root.setTransient(true);
    }
    return root;
  }
}
