package app.courtesy.web.dashboard;

import app.courtesy.analytics.CollectionsFigures.Figure;
import app.courtesy.analytics.DisputeFigures;
import app.courtesy.analytics.DisputeFigures.Reason;
import app.courtesy.web.Formats;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Backs the dashboard's disputes ({@code WEB-INF/includes/dashboard-disputes.xhtml}): by reason,
 * how many were opened and resolved in the period, how many are open now, and how long those
 * resolved took. The team's figures: a collector sees none of them. Read once per period shown
 * ({@link DisputeFigures}).
 */
@Named
@ViewScoped
public class DisputesBacking implements DashboardSection, Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient DisputeFigures figures;
  @Inject private transient DashboardBacking dashboard;
  @Inject private transient Formats formats;

  private final ShownMemo memo = new ShownMemo();

  @Override
  public int position() {
    return 40;
  }

  /** Whether the viewer sees the team's figures. */
  public boolean isShown() {
    return dashboard.isTeamView();
  }

  @Override
  public List<FigureTable> tables() {
    return isShown() ? List.of(getReasonsTable()) : List.of();
  }

  private List<Reason> reasons() {
    // Saving the page's state visits every table, shown or not: read nothing for a hidden one.
    if (!isShown()) {
      return List.of();
    }
    return memo.get(
        dashboard.getShown(),
        "reasons",
        () -> figures.byReason(dashboard.getFrom(), dashboard.getTo()));
  }

  public String getCountsChart() {
    return memo.get(dashboard.getShown(), "countsChart", this::countsChart);
  }

  private String countsChart() {
    return ChartJson.bar(labels())
        .values("Opened", reasons().stream().map(r -> BigDecimal.valueOf(r.opened())).toList())
        .values("Resolved", reasons().stream().map(r -> BigDecimal.valueOf(r.resolved())).toList())
        .values("Open now", reasons().stream().map(r -> BigDecimal.valueOf(r.openNow())).toList())
        .countAxis("Disputes")
        .json();
  }

  public String getDaysChart() {
    return memo.get(dashboard.getShown(), "daysChart", this::daysChart);
  }

  private String daysChart() {
    return ChartJson.bar(labels())
        .series("Median days", reasons().stream().map(Reason::medianDays).toList())
        .series("Mean days", reasons().stream().map(Reason::meanDays).toList())
        .axis("Days")
        .json();
  }

  /** Each reason's figures, linked to its invoices. */
  public FigureTable getReasonsTable() {
    return memo.get(dashboard.getShown(), "reasonsTable", this::reasonsTable);
  }

  private FigureTable reasonsTable() {
    return new FigureTable(
        "Disputes by reason",
        List.of(
            "Reason",
            "Opened",
            "Resolved",
            "Open now",
            "Median days to resolve",
            "Mean days to resolve"),
        reasons().stream()
            .map(
                r ->
                    new FigureTable.Row(
                        List.of(
                            r.reason().label(),
                            Long.toString(r.opened()),
                            Long.toString(r.resolved()),
                            Long.toString(r.openNow()),
                            formats.days(r.medianDays()),
                            formats.days(r.meanDays())),
                        Drilldown.link(
                            DisputesDrilldown.KEY,
                            Map.of(
                                "from", dashboard.getFrom().toString(),
                                "to", dashboard.getTo().toString(),
                                "reason", r.reason().name()))))
            .toList());
  }

  /** The figures this section shows, with their definitions and formulas. */
  public List<Figure> getFigures() {
    return List.of(
        Figure.DISPUTES_OPENED,
        Figure.DISPUTES_RESOLVED,
        Figure.DISPUTES_OPEN,
        Figure.DISPUTE_RESOLUTION_DAYS);
  }

  private List<String> labels() {
    return reasons().stream().map(r -> r.reason().label()).toList();
  }
}
