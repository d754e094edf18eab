package app.courtesy.web;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What a view action does when the page cannot be shown. */
public final class Pages {

  private Pages() {}

  /** Answers with the 404 page instead of the view, e.g. for an unknown invoice number. */
  public static void notFound() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(404, "Not found");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }
}
