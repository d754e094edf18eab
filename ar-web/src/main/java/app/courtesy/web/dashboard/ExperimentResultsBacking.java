package app.courtesy.web.dashboard;

import app.courtesy.analytics.CollectionsFigures.Figure;
import app.courtesy.analytics.CollectionsFigures.ShareDifference;
import app.courtesy.analytics.CollectionsFigures.Verdict;
import app.courtesy.analytics.ReminderEffects;
import app.courtesy.analytics.ReminderEffects.Comparison;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.TemplateExperiment;
import app.courtesy.reminder.TemplateExperiments;
import app.courtesy.web.Formats;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Backs the dashboard's template experiments ({@code
 * WEB-INF/includes/dashboard-experiments.xhtml}): each experiment, running or stopped, with the
 * share of invoices paid within 14 days of template A's and template B's reminders, the difference
 * with its 95 % confidence interval, and what that says ({@link
 * app.courtesy.analytics.CollectionsFigures#experimentDifference}). Over every reminder of the
 * experiment followed for 14 days, whatever its currency (invoices are counted, not amounts) and
 * the period chosen. The team's figures: a collector sees none of them.
 */
@Named
@ViewScoped
public class ExperimentResultsBacking implements DashboardSection, Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient TemplateExperiments experiments;
  @Inject private transient ReminderEffects effects;
  @Inject private transient ReminderPolicyService policies;
  @Inject private transient DashboardBacking dashboard;
  @Inject private transient Formats formats;

  private transient FigureTable table;

  @Override
  public int position() {
    return 45;
  }

  /** Whether the section shows: the team's view, once an experiment was started. */
  public boolean isShown() {
    return dashboard.isTeamView() && !getTable().rows().isEmpty();
  }

  @Override
  public List<FigureTable> tables() {
    return isShown() ? List.of(getTable()) : List.of();
  }

  public FigureTable getTable() {
    if (table == null) {
      Map<Long, String> names =
          policies.all().stream()
              .collect(Collectors.toMap(ReminderPolicy::getId, ReminderPolicy::getName));
      List<FigureTable.Row> rows = new ArrayList<>();
      for (TemplateExperiment experiment : experiments.all()) {
        Comparison comparison = effects.comparison(experiment.getId());
        Optional<ShareDifference> difference = comparison.difference();
        rows.add(
            new FigureTable.Row(
                List.of(
                    experiment.getName()
                        + " ("
                        + names.getOrDefault(experiment.getPolicyId(), "")
                        + ", step "
                        + experiment.getStep()
                        + ", "
                        + experiment.getTone().label()
                        + ", "
                        + experiment.getLanguage().getDisplayLanguage(Locale.ENGLISH)
                        + "; "
                        + (experiment.isRunning()
                            ? "running since "
                                + formats.date(experiment.getStartedAt().toLocalDate())
                            : "stopped on "
                                + formats.date(
                                    experiment.getStoppedAt().orElseThrow().toLocalDate()))
                        + ")",
                    share(comparison.paidA(), comparison.invoicesA(), difference, true),
                    share(comparison.paidB(), comparison.invoicesB(), difference, false),
                    difference.map(d -> points(d.difference())).orElse(FigureTable.UNDEFINED),
                    difference
                        .map(d -> points(d.low()) + " to " + points(d.high()))
                        .orElse(FigureTable.UNDEFINED),
                    difference.map(d -> verdict(d.verdict())).orElse("Nothing followed yet")),
                ExperimentDrilldown.link(experiment.getId())));
      }
      table =
          new FigureTable(
              "Template experiments: paid within 14 days, A against B",
              List.of(
                  "Experiment",
                  "A: paid within 14 days",
                  "B: paid within 14 days",
                  "Difference B − A",
                  "95 % interval",
                  "What it says"),
              rows);
    }
    return table;
  }

  /** The figures this section shows, with their definitions and formulas. */
  public List<Figure> getFigures() {
    return List.of(Figure.EXPERIMENT_DIFFERENCE);
  }

  /** "12 of 40 (30.0 %)". */
  private String share(
      int paid, int invoices, Optional<ShareDifference> difference, boolean variantA) {
    return paid
        + " of "
        + invoices
        + difference
            .map(d -> " (" + formats.percent(Optional.of(variantA ? d.shareA() : d.shareB())) + ")")
            .orElse("");
  }

  /** The verdict in a few words; the definition under the table says what each means. */
  private static String verdict(Verdict verdict) {
    return switch (verdict) {
      case TOO_FEW -> "Too few yet";
      case NOT_MEANINGFUL -> "Not yet meaningful";
      case A_BETTER -> "A gets more paid";
      case B_BETTER -> "B gets more paid";
    };
  }

  private static String points(BigDecimal points) {
    return (points.signum() > 0 ? "+" : "") + points.toPlainString() + " points";
  }
}
