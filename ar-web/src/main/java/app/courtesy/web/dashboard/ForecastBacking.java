package app.courtesy.web.dashboard;

import app.courtesy.analytics.CashForecast;
import app.courtesy.analytics.CashForecasts;
import app.courtesy.analytics.CollectionsFigures.Figure;
import app.courtesy.web.Formats;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backs the dashboard's cash-in forecast ({@code WEB-INF/includes/dashboard-forecast.xhtml}): the
 * latest forecast the daily run made in the chosen currency, week by week for 13 weeks and what is
 * expected after them, with the share of the forecast of 13 weeks before that came true. The team's
 * figure: a collector sees none of it. It does not depend on the chosen period, only on the
 * currency; read once per currency shown ({@link CashForecasts#latest}, a few rows).
 */
@Named
@ViewScoped
public class ForecastBacking implements DashboardSection, Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient CashForecasts forecasts;
  @Inject private transient DashboardBacking dashboard;
  @Inject private transient Formats formats;

  private final ShownMemo memo = new ShownMemo();

  @Override
  public int position() {
    return 20;
  }

  /** Whether there is anything to show: the team's view, and a forecast made in the currency. */
  public boolean isShown() {
    return dashboard.isTeamView() && dashboard.getCurrency() != null && forecast().isPresent();
  }

  @Override
  public List<FigureTable> tables() {
    return isShown() ? List.of(getWeeksTable()) : List.of();
  }

  /** The forecast shown. Only while {@link #isShown()}. */
  public CashForecast getForecast() {
    return forecast().orElseThrow();
  }

  private Optional<CashForecast> forecast() {
    return memo.get(
        dashboard.getShown(),
        "forecast",
        () ->
            dashboard.getCurrency() == null
                ? Optional.empty()
                : forecasts.latest(dashboard.getCurrency()));
  }

  public String getWeeksChart() {
    return memo.get(dashboard.getShown(), "weeksChart", this::weeksChart);
  }

  private String weeksChart() {
    List<CashForecast.Week> weeks = weeks();
    return ChartJson.bar(weeks.stream().map(ForecastBacking::label).toList())
        .values("Expected", weeks.stream().map(w -> w.amount().amount()).toList())
        .axis(dashboard.getCurrency().getCurrencyCode())
        .json();
  }

  /** Each week and what comes after them, with the amount and items expected, linked to them. */
  public FigureTable getWeeksTable() {
    return memo.get(dashboard.getShown(), "weeksTable", this::weeksTable);
  }

  private FigureTable weeksTable() {
    List<String> headings = List.of("Week", "Starting", "Expected", "Items");
    // Saving the page's state visits every table, shown or not: a hidden one is empty.
    if (!isShown()) {
      return new FigureTable("Cash-in forecast", headings, List.of());
    }
    List<FigureTable.Row> rows = new ArrayList<>();
    for (CashForecast.Week week : weeks()) {
      rows.add(
          new FigureTable.Row(
              List.of(
                  label(week),
                  formats.date(week.starts()),
                  formats.money(week.amount()),
                  String.valueOf(week.items())),
              week.items() == 0
                  ? null
                  : Drilldown.link(
                      ForecastDrilldown.KEY,
                      Map.of(
                          "currency", dashboard.getCurrency().getCurrencyCode(),
                          "madeOn", getForecast().madeOn().toString(),
                          "week", String.valueOf(week.number())))));
    }
    return new FigureTable(
        "Cash-in forecast made on " + formats.date(getForecast().madeOn()), headings, rows);
  }

  /** The accuracy of the forecast 13 weeks before, in per cent, or the undefined mark. */
  public String getAccuracy() {
    return formats.percent(getForecast().accuracy());
  }

  /** The figures this section shows, with their definitions and formulas. */
  public List<Figure> getFigures() {
    return List.of(Figure.CASH_FORECAST, Figure.FORECAST_ACCURACY);
  }

  private List<CashForecast.Week> weeks() {
    return Stream.concat(getForecast().weeks().stream(), Stream.of(getForecast().later())).toList();
  }

  /** "Week 3", or "Later" for what comes after the weeks. */
  static String label(CashForecast.Week week) {
    return week.number() > CashForecast.WEEKS ? "Later" : "Week " + week.number();
  }
}
