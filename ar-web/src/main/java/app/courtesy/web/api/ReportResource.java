package app.courtesy.web.api;

import app.courtesy.analytics.CashForecast;
import app.courtesy.analytics.CashForecasts;
import app.courtesy.analytics.CollectionsFigures.Figure;
import app.courtesy.analytics.Granularity;
import app.courtesy.analytics.Trends;
import app.courtesy.invoice.Aging;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.security.Role;
import app.courtesy.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The book as of a date (aging buckets and days sales outstanding, per currency), its trends over a
 * period and its cash-in forecast, from what the daily run wrote.
 */
@Tag(name = "Reports", description = "The book as of a date, and its trends.")
@Path("reports")
@RequestScoped
@RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

  /** DSO per currency code, with the method used. */
  public record Dso(LocalDate asOf, String method, Map<String, BigDecimal> days) {}

  /**
   * One period of a trend; a figure whose formula divides by nothing is {@code null}.
   *
   * @param openBefore the receivables at the end of the last day written before the period
   * @param aging overdue by days late: 1–30, 31–60, 61–90, over 90
   */
  public record TrendPeriod(
      LocalDate from,
      LocalDate to,
      LocalDate asOf,
      Money openBefore,
      Money open,
      Money overdue,
      Money current,
      List<Money> aging,
      int openItems,
      int overdueItems,
      Money creditSales,
      Money cashReceived,
      BigDecimal dso,
      BigDecimal bestPossibleDso,
      BigDecimal averageDaysDelinquent,
      BigDecimal collectionEffectiveness) {}

  /**
   * A currency's trend over a period.
   *
   * @param definitions each figure's definition and formula, by name
   */
  public record Trend(
      String currency,
      LocalDate from,
      LocalDate to,
      Granularity granularity,
      List<TrendPeriod> periods,
      Map<String, String> definitions) {}

  /**
   * One week of a cash-in forecast.
   *
   * @param week 1 to 13; 14 for what is expected after the 13 weeks
   * @param items how many open invoices and instalments are expected in it
   */
  public record ForecastWeek(int week, LocalDate starts, Money expected, int items) {}

  /**
   * The latest cash-in forecast of a currency.
   *
   * @param madeOn the date of the daily run that made it; week 1 starts on it
   * @param accuracy the share in per cent of the forecast made 13 weeks before that came true;
   *     {@code null} when undefined
   * @param definitions each figure's definition and formula, by name
   */
  public record Forecast(
      String currency,
      LocalDate madeOn,
      List<ForecastWeek> weeks,
      ForecastWeek later,
      BigDecimal accuracy,
      Map<String, String> definitions) {}

  @Inject private ReceivablesQueries receivables;
  @Inject private CashForecasts forecasts;
  @Inject private Trends trends;
  @Inject private Clock clock;

  @GET
  @Path("aging")
  @Operation(
      summary = "Read the aging report",
      description = "Aging buckets per currency as of `asOf` (default today).")
  public Aging aging(@QueryParam("asOf") LocalDate asOf) {
    return receivables.aging(day(asOf), null);
  }

  @GET
  @Path("dso")
  @Operation(
      summary = "Read days sales outstanding",
      description = "DSO per currency as of `asOf` (default today), by the countback method.")
  public Dso dso(@QueryParam("asOf") LocalDate asOf) {
    LocalDate day = day(asOf);
    return new Dso(
        day,
        "countback: days of invoiced sales, counted back from the date, that the open balance"
            + " represents",
        receivables.daysSalesOutstanding(day).entrySet().stream()
            .collect(
                Collectors.toMap(
                    e -> e.getKey().getCurrencyCode(),
                    Map.Entry::getValue,
                    (a, b) -> a,
                    TreeMap::new)));
  }

  @GET
  @Path("trends")
  @RolesAllowed({Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read the trends of a currency",
      description =
          "The receivables of a currency at the end of each day, week or month of a period, as the"
              + " daily run wrote them: open, overdue and their aging, credit sales, cash received,"
              + " DSO (countback), best possible DSO, average days delinquent and the collection"
              + " effectiveness index, each defined in `definitions`. Periods without a day"
              + " written are left out. `from` defaults to a year before `to`, `to` to yesterday;"
              + " a period of more than two years is refused.")
  public Trend trends(
      @QueryParam("currency") @NotNull @Pattern(regexp = "[A-Z]{3}") String currency,
      @QueryParam("from") LocalDate from,
      @QueryParam("to") LocalDate to,
      @QueryParam("granularity") @DefaultValue("MONTH") Granularity granularity) {
    LocalDate last = to == null ? LocalDate.now(clock).minusDays(1) : to;
    LocalDate first = from == null ? last.minusYears(1).plusDays(1) : from;
    if (first.isAfter(last) || first.plusYears(2).isBefore(last)) {
      throw new BadRequestException("from must be on or before to, at most two years before it");
    }
    Currency of = currency(currency);
    return new Trend(
        currency,
        first,
        last,
        granularity,
        trends.trend(of, first, last, granularity).stream()
            .map(
                p ->
                    new TrendPeriod(
                        p.from(),
                        p.to(),
                        p.asOf(),
                        p.openBefore().orElse(null),
                        p.open(),
                        p.overdue(),
                        p.current(),
                        p.aging(),
                        p.openItems(),
                        p.overdueItems(),
                        p.creditSales(),
                        p.cashReceived(),
                        p.dso(),
                        p.bestPossibleDso().orElse(null),
                        p.averageDaysDelinquent().orElse(null),
                        p.collectionEffectiveness().orElse(null)))
            .toList(),
        definitions(
            Figure.DSO,
            Figure.BEST_POSSIBLE_DSO,
            Figure.AVERAGE_DAYS_DELINQUENT,
            Figure.COLLECTION_EFFECTIVENESS));
  }

  @GET
  @Path("forecast")
  @RolesAllowed({Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
  @Operation(
      summary = "Read the cash-in forecast of a currency",
      description =
          "What the latest daily run expects to come in during each of the next 13 weeks (week 1"
              + " starts on the run's date) and after them: each open invoice at its due date plus"
              + " its customer's average delay, promises and instalments at their dates; with the"
              + " share of the forecast made 13 weeks before that came true, each defined in"
              + " `definitions`. 404 until a daily run has made a forecast.")
  public Forecast forecast(
      @QueryParam("currency") @NotNull @Pattern(regexp = "[A-Z]{3}") String currency) {
    CashForecast forecast =
        forecasts
            .latest(currency(currency))
            .orElseThrow(() -> new NotFoundException("No daily run has made a forecast yet."));
    return new Forecast(
        currency,
        forecast.madeOn(),
        forecast.weeks().stream().map(ReportResource::week).toList(),
        week(forecast.later()),
        forecast.accuracy().orElse(null),
        definitions(Figure.CASH_FORECAST, Figure.FORECAST_ACCURACY));
  }

  private static ForecastWeek week(CashForecast.Week week) {
    return new ForecastWeek(week.number(), week.starts(), week.amount(), week.items());
  }

  /** Each figure's definition and formula, by name. */
  private static Map<String, String> definitions(Figure... figures) {
    return Stream.of(figures)
        .collect(
            Collectors.toMap(
                Figure::name, f -> f.definition() + " " + f.formula(), (a, b) -> a, TreeMap::new));
  }

  /** The currency of an ISO 4217 code; a 400 naming {@code currency} for any other. */
  private static Currency currency(String code) {
    try {
      return Currency.getInstance(code);
    } catch (IllegalArgumentException unknown) {
      throw new BadRequestException("currency: " + code + " is not an ISO 4217 currency code.");
    }
  }

  private LocalDate day(LocalDate asOf) {
    return asOf == null ? LocalDate.now(clock) : asOf;
  }
}
