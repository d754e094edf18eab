package app.courtesy.web.dashboard;

import app.courtesy.analytics.CollectorFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The cases behind a collector's line ({@code from}, {@code to}, {@code currency}, and {@code
 * collector} on the team's view): the cases they worked in the period, with what was collected on
 * each; without a collector, the team's. A collector opens it for their own cases only.
 */
@ApplicationScoped
public class CollectorCasesDrilldown implements Drilldown {

  static final String KEY = "collector-cases";

  @Inject private CollectorFigures figures;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public boolean teamOnly() {
    return false;
  }

  @Override
  public String title(Map<String, String> params) {
    LocalDate[] period = FigureItems.period(params);
    return "Cases worked from "
        + period[0]
        + " to "
        + period[1]
        + ", with what was collected in "
        + currency(params).getCurrencyCode();
  }

  @Override
  public List<Item> items(Map<String, String> params, String collector) {
    LocalDate[] period = FigureItems.period(params);
    return FigureItems.items(
        figures.behind(period[0], period[1], currency(params), collector, LIMIT));
  }

  private static Currency currency(Map<String, String> params) {
    return Currency.getInstance(OpenItemsDrilldown.required(params, "currency"));
  }
}
