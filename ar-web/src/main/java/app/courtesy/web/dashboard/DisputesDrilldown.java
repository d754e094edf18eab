package app.courtesy.web.dashboard;

import app.courtesy.analytics.DisputeFigures;
import app.courtesy.collection.DisputeReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The invoices behind a line of disputes ({@code from}, {@code to}, {@code reason}): the disputes
 * of that reason opened or resolved in the period, and those open now. The team's figures.
 */
@ApplicationScoped
public class DisputesDrilldown implements Drilldown {

  static final String KEY = "disputes";

  @Inject private DisputeFigures figures;

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String title(Map<String, String> params) {
    LocalDate[] period = FigureItems.period(params);
    return reason(params).label()
        + ": disputes opened or resolved from "
        + period[0]
        + " to "
        + period[1]
        + ", or open now";
  }

  @Override
  public List<Item> items(Map<String, String> params, String collector) {
    LocalDate[] period = FigureItems.period(params);
    return FigureItems.items(
        figures.behind(period[0], period[1], reason(params), collector, LIMIT));
  }

  /** {@link DisputeReason#valueOf} refuses a name that is none with IllegalArgumentException. */
  private static DisputeReason reason(Map<String, String> params) {
    return DisputeReason.valueOf(OpenItemsDrilldown.required(params, "reason"));
  }
}
