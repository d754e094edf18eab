package app.courtesy.web.dashboard;

import app.courtesy.analytics.CashForecast;
import app.courtesy.analytics.CashForecastWeeks;
import app.courtesy.analytics.CashForecasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The invoices (and the instalments of payment arrangements, by their case) behind one week of a
 * cash-in forecast: {@code currency}, {@code madeOn} (the forecast's date) and {@code week} (1 to
 * 13, 14 for what comes after), the largest first, each on the date it is expected and why then.
 */
@ApplicationScoped
public class ForecastDrilldown implements Drilldown {

  static final String KEY = "forecast-week";

  @Inject private CashForecasts forecasts;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String title(Map<String, String> params) {
    int week = week(params);
    return "Expected in "
        + OpenItemsDrilldown.currency(params).getCurrencyCode()
        + (week == CashForecastWeeks.LATER
            ? " after the " + CashForecast.WEEKS + " weeks"
            : " in week " + week)
        + " of the forecast made on "
        + madeOn(params);
  }

  @Override
  public List<Item> items(Map<String, String> params, String collector) {
    return forecasts
        .expected(OpenItemsDrilldown.currency(params), madeOn(params), week(params), LIMIT)
        .stream()
        .map(
            e ->
                e.invoiceNumber() == null
                    ? new Item(
                        "case",
                        String.valueOf(e.caseId()),
                        e.customer(),
                        e.amount(),
                        e.expectedOn(),
                        "arrangement instalment " + e.instalment())
                    : new Item(
                        "invoice",
                        e.invoiceNumber(),
                        e.customer(),
                        e.amount(),
                        e.expectedOn(),
                        note(e)))
        .toList();
  }

  /** Why it is expected then: "promised", "instalment 2 due", "due date + the usual delay". */
  private static String note(CashForecast.Expected e) {
    return switch (e.basis()) {
      case "PROMISED" -> "promised";
      case "INSTALMENT" -> "instalment " + e.instalment() + " due";
      default -> "due date + the customer's usual delay";
    };
  }

  private static int week(Map<String, String> params) {
    int week = Integer.parseInt(OpenItemsDrilldown.required(params, "week"));
    if (week < 1 || week > CashForecastWeeks.LATER) {
      throw new IllegalArgumentException("no such week: " + week);
    }
    return week;
  }

  private static LocalDate madeOn(Map<String, String> params) {
    return LocalDate.parse(OpenItemsDrilldown.required(params, "madeOn"));
  }
}
