package app.courtesy.web;

import app.courtesy.shared.ConcurrentChangeException;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a page shows instead of the error page when the request, not the application, is at fault:
 *
 * <ul>
 *   <li>a form posted after its session ended (a sign-in form left open overnight): the "session
 *       has ended" page;
 *   <li>a change that lost a race with someone else's change of the same thing: a message on the
 *       page saying so, nothing saved;
 *   <li>an upload over the size limit: the "file too large" answer ({@code 413}).
 * </ul>
 *
 * Anything else goes on to the error page, as before.
 */
public class PageErrors extends ExceptionHandlerWrapper {

  private static final Logger LOG = Logger.getLogger(PageErrors.class.getName());

  /** Installs {@link PageErrors} around the default handler (see faces-config.xml). */
  public static class Factory extends ExceptionHandlerFactory {

    public Factory(ExceptionHandlerFactory wrapped) {
      super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
      return new PageErrors(getWrapped().getExceptionHandler());
    }
  }

  public PageErrors(ExceptionHandler wrapped) {
    super(wrapped);
  }

  @Override
  public void handle() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
    while (faces != null && queued.hasNext()) {
      Throwable error = queued.next().getContext().getException();
      if (handled(faces, error)) {
        queued.remove();
      }
    }
    getWrapped().handle();
  }

  private static boolean handled(FacesContext faces, Throwable error) {
    if (faces.getResponseComplete()) {
      return false;
    }
    if (has(error, ViewExpiredException.class)) {
      redirect(faces, "/errors/expired.xhtml");
      return true;
    }
    if (lostRace(error)) {
      ConcurrentChangeException said = find(error, ConcurrentChangeException.class);
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              said != null
                  ? said.getMessage()
                  : "Someone else changed this at the same moment. Nothing of yours was saved;"
                      + " reload to see the change, then try again.",
              null));
      faces.validationFailed();
      faces.renderResponse();
      return true;
    }
    if (uploadTooLarge(error)) {
      LOG.log(Level.FINE, "Upload over the size limit", error);
      try {
        faces
            .getExternalContext()
            .responseSendError(
                413, "The file is larger than 50 MiB, the most an import takes. Split it.");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      faces.responseComplete();
      return true;
    }
    return false;
  }

  /** Whether someone else's change of the same row won: an optimistic lock, however wrapped. */
  static boolean lostRace(Throwable error) {
    for (Throwable cause = error; cause != null; cause = next(cause)) {
      if (cause instanceof ConcurrentChangeException
          || cause instanceof jakarta.persistence.OptimisticLockException
          || cause instanceof jakarta.persistence.PessimisticLockException
          || cause instanceof jakarta.persistence.LockTimeoutException
          || cause.getClass().getName().endsWith(".OptimisticLockException")) {
        return true;
      }
    }
    return false;
  }

  /** Whether the servlet container refused a multipart body over its configured size. */
  static boolean uploadTooLarge(Throwable error) {
    for (Throwable cause = error; cause != null; cause = next(cause)) {
      String name = cause.getClass().getName();
      String message = String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (name.contains("SizeLimitExceeded")
          || name.contains("SizeException")
          || (message.contains("size") && message.contains("exceeds the configured maximum"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(Throwable error, Class<? extends Throwable> type) {
    return find(error, type) != null;
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable cause = error; cause != null; cause = next(cause)) {
      if (type.isInstance(cause)) {
        return type.cast(cause);
      }
    }
    return null;
  }

  private static Throwable next(Throwable cause) {
    Throwable next = cause instanceof FacesException faces ? faces.getCause() : cause.getCause();
    return next == cause ? null : next;
  }

  private static void redirect(FacesContext faces, String page) {
    ExternalContext external = faces.getExternalContext();
    try {
      external.redirect(external.getRequestContextPath() + page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
