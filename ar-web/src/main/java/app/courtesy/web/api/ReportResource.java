package app.courtesy.web.api;

import app.courtesy.analytics.CashForecast;
import app.courtesy.analytics.CashForecasts;
import app.courtesy.analytics.CollectionsFigures.Figure;
import app.courtesy.invoice.Aging;
import app.courtesy.invoice.ReceivablesQueries;
import app.courtesy.security.Role;
import app.courtesy.shared.Money;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
 * The book as of a date (aging buckets and days sales outstanding, per currency) and its cash-in
 * forecast, from what the daily run wrote.
 */
@Tag(name = "Reports", description = "The book as of a date.")
@Path("reports")
@RequestScoped
@RolesAllowed({Role.COLLECTOR_ID, Role.APPROVER_ID, Role.ADMIN_ID, Role.INTEGRATION_ID})
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

  /** DSO per currency code, with the method used. */
  public record Dso(LocalDate asOf, String method, Map<String, BigDecimal> days) {}

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
                    java.util.TreeMap::new)));
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
            .latest(Currency.getInstance(currency))
            .orElseThrow(() -> new NotFoundException("No daily run has made a forecast yet."));
    return new Forecast(
        currency,
        forecast.madeOn(),
        forecast.weeks().stream().map(ReportResource::week).toList(),
        week(forecast.later()),
        forecast.accuracy().orElse(null),
        Stream.of(Figure.CASH_FORECAST, Figure.FORECAST_ACCURACY)
            .collect(
                Collectors.toMap(
                    Figure::name,
                    f -> f.definition() + " " + f.formula(),
                    (a, b) -> a,
                    TreeMap::new)));
  }

  private static ForecastWeek week(CashForecast.Week week) {
    return new ForecastWeek(week.number(), week.starts(), week.amount(), week.items());
  }

  private LocalDate day(LocalDate asOf) {
    return asOf == null ? LocalDate.now(clock) : asOf;
  }
}
