package app.courtesy.web.dashboard;

import app.courtesy.analytics.PromiseFigures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The cases behind a line of promises and arrangements ({@code from}, {@code to}): each promise
 * decided and each arrangement approved, completed or defaulted in the period. A collector's own
 * figures, so a collector opens it for their own cases.
 */
@ApplicationScoped
public class PromisesDrilldown implements Drilldown {

  static final String KEY = "promises";

  @Inject private PromiseFigures figures;

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
    return "Promises decided and arrangements approved, completed or defaulted from "
        + period[0]
        + " to "
        + period[1];
  }

  @Override
  public List<Item> items(Map<String, String> params, String collector) {
    LocalDate[] period = FigureItems.period(params);
    return FigureItems.items(figures.behind(period[0], period[1], collector, LIMIT));
  }
}
