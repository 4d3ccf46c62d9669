package kr.vaccinepass.portal.shared.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import kr.vaccinepass.portal.shared.domain.NotFoundException;

/**
 * Wraps PrimeFaces' exception handler (faces-config.xml) so that no exception's text or class
 * reaches the browser. PrimeFaces writes the exception's type and message into the AJAX partial
 * response (the arguments of the layout's {@code onexception} script, and the error page's {@code
 * pfExceptionHandler}), e.g. a NullPointerException's "Cannot invoke Long.longValue()". Here each
 * unexpected exception is logged with its stack trace, then handed on as a {@link UnexpectedError}
 * without text (a {@link ViewExpiredException} stays one, for its own page), so the layout's dialog
 * and the error pages show only their localized texts.
 *
 * <p>An object-level refusal ({@link NotFoundException}: the id is missing or not the caller's) on
 * a full-page request, such as a notice's PDF download posted for another 시군구's case, is no
 * unexpected error: it answers 404 with the portal's page and is not logged as SEVERE.
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
        NotFoundException refused = refusal(thrown);
        if (refused != null && !ajax(context) && answerNotFound(context)) {
          // an id that is not the caller's (or none) on a full-page request, e.g. a notice's PDF
          // download posted for another 시군구's case: the portal's 404 page, as a URL would get
          LOG.log(Level.FINE, "Refused in " + viewId(context) + ": " + refused.messageKey());
        } else if (thrown instanceof ViewExpiredException expired && !ajax(context)) {
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

    /**
     * The object-level refusal ({@link NotFoundException}: missing or not the caller's) that the
     * exception is or wraps (an action or a download listener's exception arrives wrapped).
     */
    static NotFoundException refusal(Throwable thrown) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof NotFoundException refused) {
          return refused;
        }
        if (t.getCause() == t) {
          break;
        }
      }
      return null;
    }

    /** Answers 404 (the container serves the portal's page), if nothing was sent yet. */
    private static boolean answerNotFound(FacesContext context) {
      if (context == null || context.getExternalContext().isResponseCommitted()) {
        return false;
      }
      try {
        context.getExternalContext().responseReset();
        context.getExternalContext().responseSendError(404, null);
        context.responseComplete();
        return true;
      } catch (IOException | IllegalStateException e) {
        LOG.log(Level.FINE, "Could not answer 404", e);
        return false;
      }
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
