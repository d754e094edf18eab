package app.courtesy.web;

import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.faces.view.ViewMetadata;

/**
 * A page asked for with a parameter that cannot be what it names ({@code cases/view.xhtml?id=abc})
 * shows the not-found page, as an id that names nothing does: the view action that would load it
 * never runs, so there is nothing to show.
 */
public class ViewParameters implements PhaseListener {

  @Override
  public PhaseId getPhaseId() {
    return PhaseId.RENDER_RESPONSE;
  }

  @Override
  public void beforePhase(PhaseEvent event) {
    FacesContext faces = event.getFacesContext();
    if (faces.isPostback() || !faces.isValidationFailed() || faces.getViewRoot() == null) {
      return;
    }
    for (UIViewParameter parameter : ViewMetadata.getViewParameters(faces.getViewRoot())) {
      if (!parameter.isValid()) {
        Pages.notFound();
        return;
      }
    }
  }

  @Override
  public void afterPhase(PhaseEvent event) {}
}
