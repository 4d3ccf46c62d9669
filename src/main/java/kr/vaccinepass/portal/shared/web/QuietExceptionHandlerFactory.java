package kr.vaccinepass.portal.shared.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wraps PrimeFaces' exception handler (faces-config.xml) so that no exception's text or class
 * reaches the browser. PrimeFaces writes the exception's type and message into the AJAX partial
 * response (the arguments of the layout's {@code onexception} script, and the error page's {@code
 * pfExceptionHandler}), e.g. a NullPointerException's "Cannot invoke Long.longValue()". Here each
 * unexpected exception is logged with its stack trace, then handed on as a {@link UnexpectedError}
 * without text (a {@link ViewExpiredException} stays one, for its own page), so the layout's dialog
 * and the error pages show only their localized texts.
 */
public class QuietExceptionHandlerFactory extends ExceptionHandlerFactory {
  private static final Logger LOG = Logger.getLogger(QuietExceptionHandlerFactory.class.getName());

  public QuietExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
    super(wrapped);
  }

  @Override
  public ExceptionHandler getExceptionHandler() {
    return new Quiet(getWrapped().getExceptionHandler());
  }

  static final class Quiet extends ExceptionHandlerWrapper {
    Quiet(ExceptionHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void handle() {
      FacesContext context = FacesContext.getCurrentInstance();
      List<Throwable> quiet = new ArrayList<>();
      for (Iterator<ExceptionQueuedEvent> it = getUnhandledExceptionQueuedEvents().iterator();
          it.hasNext(); ) {
        Throwable thrown = it.next().getContext().getException();
        if (thrown instanceof UnexpectedError) {
          continue;
        }
        it.remove();
        if (thrown instanceof ViewExpiredException expired && !ajax(context)) {
          // a page opened again after its session ended: the container's expired page
          quiet.add(new ViewExpiredException("view expired", expired.getViewId()));
        } else {
          LOG.log(
              thrown instanceof ViewExpiredException ? Level.FINE : Level.SEVERE,
              "Unexpected error in " + viewId(context),
              thrown);
          quiet.add(new UnexpectedError());
        }
      }
      for (Throwable t : quiet) {
        // queued as the original was, where PrimeFaces' handler reads it
        getWrapped()
            .processEvent(
                new ExceptionQueuedEvent(context, new ExceptionQueuedEventContext(context, t)));
      }
      if (!quiet.isEmpty()
          && ajax(context)
          && !context.getExternalContext().isResponseCommitted()) {
        // a view that could not be restored set no encoding: the dialog's Korean would be "??"
        context.getExternalContext().setResponseCharacterEncoding("UTF-8");
      }
      getWrapped().handle();
    }

    private static boolean ajax(FacesContext context) {
      return context != null && context.getPartialViewContext().isAjaxRequest();
    }

    private static String viewId(FacesContext context) {
      return context == null || context.getViewRoot() == null
          ? "?"
          : context.getViewRoot().getViewId();
    }
  }
}
