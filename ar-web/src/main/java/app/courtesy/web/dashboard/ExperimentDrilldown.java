package app.courtesy.web.dashboard;

import app.courtesy.analytics.ReminderEffects;
import app.courtesy.reminder.TemplateExperiment;
import app.courtesy.reminder.TemplateExperiments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invoices behind a line of the template experiments: those the experiment's reminders listed,
 * each with the variant its customer was given and how it went within 14 days.
 *
 * <pre>{@code
 * ExperimentDrilldown.link(experiment.getId());
 * }</pre>
 */
@ApplicationScoped
public class ExperimentDrilldown implements Drilldown {

  static final String KEY = "experiment";

  @Inject private ReminderEffects effects;
  @Inject private TemplateExperiments experiments;

  static String link(long experimentId) {
    return Drilldown.link(KEY, Map.of("id", Long.toString(experimentId)));
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String title(Map<String, String> params) {
    return "Invoices reminded in the experiment “" + experiment(params).getName() + "”";
  }

  @Override
  public List<Item> items(Map<String, String> params, String collector) {
    return effects.behindExperiment(experiment(params).getId()).stream()
        .map(
            e ->
                new Item(
                    "invoice",
                    e.reminded().invoice(),
                    e.reminded().customer(),
                    e.reminded().reminded(),
                    e.reminded().sentOn(),
                    e.variant() + ": " + e.reminded().outcome()))
        .toList();
  }

  private TemplateExperiment experiment(Map<String, String> params) {
    long id =
        Long.parseLong(
            Optional.ofNullable(params.get("id"))
                .orElseThrow(() -> new IllegalArgumentException("the link names no experiment")));
    return experiments
        .find(id)
        .orElseThrow(() -> new IllegalArgumentException("no experiment " + id));
  }
}
