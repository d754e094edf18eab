package app.courtesy.web.dashboard;

import app.courtesy.analytics.CollectionsFigures.Figure;
import app.courtesy.analytics.CollectorFigures;
import app.courtesy.analytics.CollectorFigures.Line;
import app.courtesy.web.Formats;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs the dashboard's collectors ({@code WEB-INF/includes/dashboard-collectors.xhtml}): each
 * collector's cases worked, contacts made, promises obtained and kept, amount collected on their
 * cases and median days from open to close over the period, in the chosen currency. A table by name
 * with the team's line under it, and no chart: figures to learn from, not a ranking. A collector
 * sees their own line only ({@link DashboardBacking#getCollector()}). Read once per period,
 * currency and collector shown ({@link CollectorFigures}).
 */
@Named
@ViewScoped
public class CollectorsBacking implements DashboardSection, Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient CollectorFigures figures;
  @Inject private transient DashboardBacking dashboard;
  @Inject private transient Formats formats;

  private final ShownMemo memo = new ShownMemo();

  @Override
  public int position() {
    return 30;
  }

  /** Whether there is anything to show: a currency for the amounts collected. */
  public boolean isShown() {
    return dashboard.getCurrency() != null;
  }

  @Override
  public List<FigureTable> tables() {
    return isShown() ? List.of(getCollectorsTable()) : List.of();
  }

  /** Each collector's line by name, then the team's (not on a collector's own view). */
  List<Line> lines() {
    // Saving the page's state visits every table, shown or not: read nothing for a hidden one.
    if (!isShown()) {
      return List.of();
    }
    return memo.get(
        dashboard.getShown(),
        "lines",
        () ->
            figures.lines(
                dashboard.getFrom(),
                dashboard.getTo(),
                dashboard.getCurrency(),
                dashboard.getCollector()));
  }

  /** The figures of each line, linked to the cases worked. */
  public FigureTable getCollectorsTable() {
    return memo.get(dashboard.getShown(), "collectorsTable", this::collectorsTable);
  }

  private FigureTable collectorsTable() {
    return new FigureTable(
        "Collectors' figures",
        List.of(
            "Collector",
            "Cases worked",
            "Contacts made",
            "Promises obtained",
            "Promises kept",
            "Kept rate",
            "Collected",
            "Cases closed",
            "Median days to close"),
        lines().stream()
            .map(
                line ->
                    new FigureTable.Row(
                        List.of(
                            line.name(),
                            Long.toString(line.casesWorked()),
                            Long.toString(line.contactsMade()),
                            Long.toString(line.promisesObtained()),
                            Long.toString(line.promisesKept()),
                            formats.percent(line.promiseKeptRate()),
                            formats.money(line.collected()),
                            Long.toString(line.casesClosed()),
                            formats.days(line.medianDaysToClose())),
                        Drilldown.link(CollectorCasesDrilldown.KEY, params(line))))
            .toList());
  }

  private Map<String, String> params(Line line) {
    Map<String, String> params =
        new HashMap<>(FigureItems.period(dashboard.getFrom(), dashboard.getTo(), line.collector()));
    params.put("currency", dashboard.getCurrency().getCurrencyCode());
    return params;
  }

  /** The figures this section shows, with their definitions and formulas. */
  public List<Figure> getFigures() {
    return List.of(
        Figure.CASES_WORKED,
        Figure.CONTACTS_MADE,
        Figure.PROMISES_OBTAINED,
        Figure.PROMISES_KEPT,
        Figure.PROMISE_KEPT_RATE,
        Figure.COLLECTED_ON_CASES,
        Figure.DAYS_TO_CLOSE);
  }
}
