package app.courtesy.web.dashboard;

import app.courtesy.analytics.CollectionsFigures.Figure;
import app.courtesy.analytics.CollectorFigures.Line;
import app.courtesy.analytics.Granularity;
import app.courtesy.analytics.PromiseFigures;
import app.courtesy.analytics.PromiseFigures.Period;
import app.courtesy.web.Formats;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Backs the dashboard's promises and arrangements ({@code
 * WEB-INF/includes/dashboard-promises.xhtml}): the promise-kept rate by month and by collector,
 * arrangements approved, completed and defaulted by month, and what was recovered through them in
 * the chosen currency. A collector sees the figures of their own cases; the rate by collector comes
 * from the collectors' lines ({@link CollectorsBacking}), read once for both sections. Read once
 * per period, currency and collector shown ({@link PromiseFigures}).
 */
@Named
@ViewScoped
public class PromisesBacking implements DashboardSection, Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient PromiseFigures figures;
  @Inject private transient DashboardBacking dashboard;
  @Inject private transient CollectorsBacking collectors;
  @Inject private transient Formats formats;

  private final ShownMemo memo = new ShownMemo();

  @Override
  public int position() {
    return 20;
  }

  /** Whether there is anything to show: a currency for the amounts recovered. */
  public boolean isShown() {
    return dashboard.getCurrency() != null;
  }

  @Override
  public List<FigureTable> tables() {
    return isShown() ? List.of(getMonthsTable(), getCollectorsTable()) : List.of();
  }

  /** The calendar months of the period, oldest first. */
  private List<Period> months() {
    // Saving the page's state visits every table, shown or not: read nothing for a hidden one.
    if (!isShown()) {
      return List.of();
    }
    return memo.get(
        dashboard.getShown(),
        "months",
        () ->
            figures.byPeriod(
                dashboard.getFrom(),
                dashboard.getTo(),
                Granularity.MONTH,
                dashboard.getCurrency(),
                dashboard.getCollector()));
  }

  public String getKeptRateChart() {
    return memo.get(dashboard.getShown(), "keptRateChart", this::keptRateChart);
  }

  private String keptRateChart() {
    return ChartJson.line(labels())
        .series("Promise-kept rate", months().stream().map(Period::keptRate).toList())
        .percentAxis()
        .json();
  }

  public String getArrangementsChart() {
    return memo.get(dashboard.getShown(), "arrangementsChart", this::arrangementsChart);
  }

  private String arrangementsChart() {
    return ChartJson.bar(labels())
        .values("Approved", counts(Period::approved))
        .values("Completed", counts(Period::completed))
        .values("Defaulted", counts(Period::defaulted))
        .countAxis("Arrangements")
        .json();
  }

  /** Each month's promises and arrangements, linked to the cases behind them. */
  public FigureTable getMonthsTable() {
    return memo.get(dashboard.getShown(), "monthsTable", this::monthsTable);
  }

  private FigureTable monthsTable() {
    return new FigureTable(
        "Promises and arrangements by month",
        List.of(
            "Month",
            "Promises kept",
            "Promises broken",
            "Kept rate",
            "Arrangements approved",
            "Completed",
            "Defaulted",
            "Recovered"),
        months().stream()
            .map(
                p ->
                    new FigureTable.Row(
                        List.of(
                            TrendsBacking.MONTH.format(p.from()),
                            Long.toString(p.kept()),
                            Long.toString(p.broken()),
                            formats.percent(p.keptRate()),
                            Long.toString(p.approved()),
                            Long.toString(p.completed()),
                            Long.toString(p.defaulted()),
                            formats.money(p.recovered())),
                        Drilldown.link(
                            PromisesDrilldown.KEY,
                            FigureItems.period(p.from(), p.to(), dashboard.getCollector()))))
            .toList());
  }

  /** The promise-kept rate of each collector's cases over the period, by name, then the team's. */
  public FigureTable getCollectorsTable() {
    return memo.get(dashboard.getShown(), "collectorsTable", this::collectorsTable);
  }

  private FigureTable collectorsTable() {
    return new FigureTable(
        "Promise-kept rate by collector",
        List.of("Collector", "Promises kept", "Promises broken", "Kept rate"),
        collectors.lines().stream()
            .map(
                (Line line) ->
                    new FigureTable.Row(
                        List.of(
                            line.name(),
                            Long.toString(line.promisesKept()),
                            Long.toString(line.promisesBroken()),
                            formats.percent(line.promiseKeptRate())),
                        Drilldown.link(
                            PromisesDrilldown.KEY,
                            FigureItems.period(
                                dashboard.getFrom(), dashboard.getTo(), line.collector()))))
            .toList());
  }

  /** The figures this section shows, with their definitions and formulas. */
  public List<Figure> getFigures() {
    return List.of(
        Figure.PROMISE_KEPT_RATE,
        Figure.ARRANGEMENTS_APPROVED,
        Figure.ARRANGEMENTS_COMPLETED,
        Figure.ARRANGEMENTS_DEFAULTED,
        Figure.RECOVERED_THROUGH_ARRANGEMENTS);
  }

  private List<String> labels() {
    return months().stream().map(p -> TrendsBacking.MONTH.format(p.from())).toList();
  }

  private List<BigDecimal> counts(ToLongFunction<Period> count) {
    return months().stream().map(p -> BigDecimal.valueOf(count.applyAsLong(p))).toList();
  }
}
