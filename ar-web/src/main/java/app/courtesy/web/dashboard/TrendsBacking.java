package app.courtesy.web.dashboard;

import app.courtesy.analytics.CollectionsFigures.Figure;
import app.courtesy.analytics.Granularity;
import app.courtesy.analytics.Trends;
import app.courtesy.analytics.Trends.Period;
import app.courtesy.shared.Money;
import app.courtesy.web.Formats;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Backs the dashboard's trends ({@code WEB-INF/includes/dashboard-trends.xhtml}): the open and
 * overdue balance, its aging, DSO, best possible DSO and average days delinquent by the chosen
 * granularity, and the collection effectiveness index by month, of the chosen currency. The team's
 * figures: a collector sees none of them. Read from the days the daily run wrote ({@link Trends}),
 * once per period, currency and granularity shown.
 */
@Named
@ViewScoped
public class TrendsBacking implements DashboardSection, Serializable {

  private static final long serialVersionUID = 1L;
  static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy");

  @Inject private transient Trends trends;
  @Inject private transient DashboardBacking dashboard;
  @Inject private transient Formats formats;

  private final ShownMemo memo = new ShownMemo();

  @Override
  public int position() {
    return 10;
  }

  /** Whether there is anything to show: the team's view, with days written in the currency. */
  public boolean isShown() {
    return dashboard.isTeamView() && dashboard.getCurrency() != null;
  }

  @Override
  public List<FigureTable> tables() {
    return isShown() ? List.of(getBalanceTable(), getEffectivenessTable()) : List.of();
  }

  /** The periods of the chosen granularity, oldest first. */
  private List<Period> periods() {
    return memo.get(dashboard.getShown(), "periods", () -> trend(dashboard.getGranularity()));
  }

  /** The calendar months of the period, for the collection effectiveness index. */
  private List<Period> months() {
    return dashboard.getGranularity() == Granularity.MONTH
        ? periods()
        : memo.get(dashboard.getShown(), "months", () -> trend(Granularity.MONTH));
  }

  private List<Period> trend(Granularity granularity) {
    // Saving the page's state visits every table, shown or not: without a currency, none.
    return dashboard.getCurrency() == null
        ? List.of()
        : trends.trend(
            dashboard.getCurrency(), dashboard.getFrom(), dashboard.getTo(), granularity);
  }

  public String getBalanceChart() {
    return memo.get(dashboard.getShown(), "balanceChart", this::balanceChart);
  }

  private String balanceChart() {
    return ChartJson.line(labels(periods()))
        .values("Open", amounts(periods(), Period::open))
        .values("Overdue", amounts(periods(), Period::overdue))
        .axis(dashboard.getCurrency().getCurrencyCode())
        .json();
  }

  public String getAgingChart() {
    return memo.get(dashboard.getShown(), "agingChart", this::agingChart);
  }

  private String agingChart() {
    ChartJson chart = ChartJson.bar(labels(periods())).stacked();
    String[] buckets = {
      "1–30 days late", "31–60 days late", "61–90 days late", "Over 90 days late"
    };
    for (int b = 0; b < buckets.length; b++) {
      int bucket = b;
      chart.values(buckets[b], amounts(periods(), p -> p.aging().get(bucket)));
    }
    return chart.axis(dashboard.getCurrency().getCurrencyCode()).json();
  }

  public String getDsoChart() {
    return memo.get(dashboard.getShown(), "dsoChart", this::dsoChart);
  }

  private String dsoChart() {
    return ChartJson.line(labels(periods()))
        .series("DSO", periods().stream().map(p -> Optional.of(p.dso())).toList())
        .series("Best possible DSO", periods().stream().map(Period::bestPossibleDso).toList())
        .series(
            "Average days delinquent",
            periods().stream().map(Period::averageDaysDelinquent).toList())
        .axis("Days")
        .json();
  }

  public String getEffectivenessChart() {
    return memo.get(dashboard.getShown(), "effectivenessChart", this::effectivenessChart);
  }

  private String effectivenessChart() {
    return ChartJson.bar(labels(months(), Granularity.MONTH))
        .series(
            "Collection effectiveness",
            months().stream().map(Period::collectionEffectiveness).toList())
        .percentAxis()
        .json();
  }

  /** The balance, its aging and the days figures of each period, each linked to its invoices. */
  public FigureTable getBalanceTable() {
    return memo.get(dashboard.getShown(), "balanceTable", this::balanceTable);
  }

  private FigureTable balanceTable() {
    List<FigureTable.Row> rows = new ArrayList<>();
    for (Period p : periods()) {
      List<String> cells = new ArrayList<>();
      cells.add(label(p, dashboard.getGranularity()));
      cells.add(formats.money(p.open()));
      cells.add(formats.money(p.overdue()));
      p.aging().forEach(bucket -> cells.add(formats.money(bucket)));
      cells.add(formats.days(Optional.of(p.dso())));
      cells.add(formats.days(p.bestPossibleDso()));
      cells.add(formats.days(p.averageDaysDelinquent()));
      rows.add(new FigureTable.Row(cells, overdueAt(p)));
    }
    return new FigureTable(
        "Balance, aging and days sales outstanding",
        List.of(
            "Period",
            "Open",
            "Overdue",
            "1–30 days",
            "31–60 days",
            "61–90 days",
            "Over 90 days",
            "DSO",
            "Best possible DSO",
            "Average days delinquent"),
        rows);
  }

  /** The collection effectiveness index of each month, with the amounts it is computed from. */
  public FigureTable getEffectivenessTable() {
    return memo.get(dashboard.getShown(), "effectivenessTable", this::effectivenessTable);
  }

  private FigureTable effectivenessTable() {
    List<FigureTable.Row> rows = new ArrayList<>();
    for (Period p : months()) {
      rows.add(
          new FigureTable.Row(
              List.of(
                  label(p, Granularity.MONTH),
                  p.openBefore().map(formats::money).orElse(FigureTable.UNDEFINED),
                  formats.money(p.creditSales()),
                  formats.money(p.open()),
                  formats.money(p.current()),
                  formats.money(p.cashReceived()),
                  formats.percent(p.collectionEffectiveness())),
              overdueAt(p)));
    }
    return new FigureTable(
        "Collection effectiveness by month",
        List.of(
            "Month",
            "Receivables at the start",
            "Credit sales",
            "Receivables at the end",
            "Current at the end",
            "Cash received",
            "CEI"),
        rows);
  }

  /** The invoices overdue at the end of the period, behind its line. */
  private String overdueAt(Period period) {
    return Drilldown.link(
        OpenItemsDrilldown.KEY,
        Map.of(
            "currency", dashboard.getCurrency().getCurrencyCode(),
            "asOf", period.asOf().toString(),
            "part", "overdue"));
  }

  /** The figures this section shows, with their definitions and formulas. */
  public List<Figure> getFigures() {
    return List.of(
        Figure.DSO,
        Figure.BEST_POSSIBLE_DSO,
        Figure.AVERAGE_DAYS_DELINQUENT,
        Figure.COLLECTION_EFFECTIVENESS);
  }

  private List<String> labels(List<Period> of) {
    return labels(of, dashboard.getGranularity());
  }

  private static List<String> labels(List<Period> of, Granularity granularity) {
    return of.stream().map(p -> label(p, granularity)).toList();
  }

  /** A period as the charts and tables name it: a day, "Week of" its Monday, or a month. */
  static String label(Period period, Granularity granularity) {
    LocalDate start = granularity.start(period.from());
    return switch (granularity) {
      case DAY -> period.from().toString();
      case WEEK -> "Week of " + start;
      case MONTH -> MONTH.format(start);
    };
  }

  private static List<BigDecimal> amounts(List<Period> of, Function<Period, Money> amount) {
    return of.stream().map(p -> amount.apply(p).amount()).toList();
  }
}
