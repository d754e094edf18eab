package app.courtesy.web.dashboard;

import app.courtesy.analytics.CollectionsFigures.Figure;
import app.courtesy.analytics.ReminderEffects;
import app.courtesy.analytics.ReminderEffects.StepEffect;
import app.courtesy.analytics.ReminderEffects.Tally;
import app.courtesy.customer.Channel;
import app.courtesy.web.Formats;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Backs the dashboard's "What the reminders do" ({@code
 * WEB-INF/includes/dashboard-reminders.xhtml}): for each policy step and tone, the share of the
 * invoices and of the amount its reminders listed that was paid within 7 and 14 days, in all, by
 * channel and by language, for the reminders of the chosen currency sent in the chosen period
 * (those whose 14 days are over). The team's figures: a collector sees none of them. Read once per
 * currency and period from what the daily run wrote ({@link ReminderEffects}).
 */
@Named
@ViewScoped
public class ReminderEffectsBacking implements DashboardSection, Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient ReminderEffects effects;
  @Inject private transient DashboardBacking dashboard;
  @Inject private transient Formats formats;

  private final ShownMemo memo = new ShownMemo();

  @Override
  public int position() {
    return 40;
  }

  /** Whether the section shows: the team's view, with a currency chosen. */
  public boolean isShown() {
    return dashboard.isTeamView() && dashboard.getCurrency() != null;
  }

  @Override
  public List<FigureTable> tables() {
    return isShown() ? List.of(getStepTable(), getChannelTable(), getLanguageTable()) : List.of();
  }

  /** Whether any reminder of the period has been followed for 14 days. */
  public boolean isNothingFollowed() {
    return steps().isEmpty();
  }

  /** The steps' figures; none while the section does not show (the page's state visits them). */
  private List<StepEffect> steps() {
    if (!isShown()) {
      return List.of();
    }
    return memo.get(
        dashboard.getShown(),
        "steps",
        () -> effects.effects(dashboard.getCurrency(), dashboard.getFrom(), dashboard.getTo()));
  }

  /** The share of invoices paid within 7 and within 14 days, a pair of bars per step and tone. */
  public String getChart() {
    return memo.get(dashboard.getShown(), "chart", this::chart);
  }

  private String chart() {
    return ChartJson.bar(steps().stream().map(ReminderEffectsBacking::label).toList())
        .series(
            "Paid within 7 days", steps().stream().map(s -> s.all().invoicesPaidWithin7()).toList())
        .series(
            "Paid within 14 days",
            steps().stream().map(s -> s.all().invoicesPaidWithin14()).toList())
        .percentAxis()
        .json();
  }

  public FigureTable getStepTable() {
    return memo.get(dashboard.getShown(), "stepTable", this::stepTable);
  }

  private FigureTable stepTable() {
    List<FigureTable.Row> rows = new ArrayList<>();
    for (StepEffect step : steps()) {
      List<String> cells = new ArrayList<>();
      cells.add(label(step));
      cells.add(Integer.toString(step.all().invoices()));
      cells.add(formats.money(step.all().amount()));
      cells.add(formats.percent(step.all().invoicesPaidWithin7()));
      cells.add(formats.percent(step.all().invoicesPaidWithin14()));
      cells.add(formats.percent(step.all().amountPaidWithin7()));
      cells.add(formats.percent(step.all().amountPaidWithin14()));
      rows.add(new FigureTable.Row(cells, link(step, null, null)));
    }
    return new FigureTable(
        "What the reminders do, by step and tone",
        List.of(
            "Step",
            "Invoices reminded",
            "Amount reminded",
            "Invoices paid within 7 days",
            "Invoices paid within 14 days",
            "Amount paid within 7 days",
            "Amount paid within 14 days"),
        rows);
  }

  public FigureTable getChannelTable() {
    return memo.get(dashboard.getShown(), "channelTable", this::channelTable);
  }

  private FigureTable channelTable() {
    return breakdown(
        "By channel", "Channel", StepEffect::byChannel, formats::channel, Channel::name);
  }

  public FigureTable getLanguageTable() {
    return memo.get(dashboard.getShown(), "languageTable", this::languageTable);
  }

  private FigureTable languageTable() {
    return breakdown(
        "By language",
        "Language",
        StepEffect::byLanguage,
        code -> Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH),
        code -> code);
  }

  /** The figures this section shows, with their definitions and formulas. */
  public List<Figure> getFigures() {
    return List.of(Figure.PAID_AFTER_REMINDER);
  }

  /**
   * A table of each step's figures by one breakdown ({@code by}: "Channel" or "Language"), each
   * line linked to its invoices.
   */
  private <K> FigureTable breakdown(
      String title,
      String by,
      Function<StepEffect, Map<K, Tally>> part,
      Function<K, String> words,
      Function<K, String> param) {
    List<FigureTable.Row> rows = new ArrayList<>();
    for (StepEffect step : steps()) {
      part.apply(step)
          .forEach(
              (key, tally) ->
                  rows.add(
                      new FigureTable.Row(
                          List.of(
                              label(step),
                              words.apply(key),
                              Integer.toString(tally.invoices()),
                              formats.percent(tally.invoicesPaidWithin7()),
                              formats.percent(tally.invoicesPaidWithin14()),
                              formats.percent(tally.amountPaidWithin14())),
                          link(step, by.toLowerCase(Locale.ROOT), param.apply(key)))));
    }
    return new FigureTable(
        title,
        List.of(
            "Step",
            by,
            "Invoices reminded",
            "Invoices paid within 7 days",
            "Invoices paid within 14 days",
            "Amount paid within 14 days"),
        rows);
  }

  private String link(StepEffect step, String by, String value) {
    return ReminderEffectsDrilldown.link(
        dashboard.getCurrency(), dashboard.getFrom(), dashboard.getTo(), step, by, value);
  }

  /** A step as the chart and tables name it: "Courtesy default · 3 · friendly". */
  static String label(StepEffect step) {
    return step.policy() + " · " + step.step() + " · " + step.tone().label();
  }
}
