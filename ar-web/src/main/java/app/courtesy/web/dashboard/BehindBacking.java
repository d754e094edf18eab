package app.courtesy.web.dashboard;

import app.courtesy.web.Pages;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DateTimeException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code dashboard/behind.xhtml}: the cases or invoices behind one figure of the dashboard,
 * from the figure's {@link Drilldown}. A collector may open only the drill-downs of their own
 * figures, and sees only their own cases in them; anything else is "not found", as is a link whose
 * parameters do not parse.
 */
@Named
@ViewScoped
public class BehindBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject @Any private transient Instance<Drilldown> drilldowns;
  @Inject private transient DashboardBacking dashboard;

  private String title;
  private List<Drilldown.Item> items;

  /** View action: finds the figure and lists what is behind it. */
  public void load() {
    Map<String, String> params =
        new HashMap<>(
            FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap());
    String key = params.remove("figure");
    Drilldown drilldown =
        drilldowns.stream()
            .filter(d -> d.key().equals(key))
            .filter(d -> dashboard.isTeamView() || !d.teamOnly())
            .findFirst()
            .orElse(null);
    if (drilldown == null) {
      Pages.notFound();
      return;
    }
    String collector = dashboard.isTeamView() ? params.get("collector") : dashboard.getCollector();
    try {
      items = drilldown.items(params, collector);
      title = drilldown.title(params);
    } catch (IllegalArgumentException | DateTimeException e) {
      Pages.notFound();
    }
  }

  public String getTitle() {
    return title;
  }

  public List<Drilldown.Item> getItems() {
    return items;
  }

  public int getLimit() {
    return Drilldown.LIMIT;
  }
}
