package app.courtesy.web.dashboard;

import app.courtesy.analytics.ReminderEffects;
import app.courtesy.customer.Channel;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.Tone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The invoices behind a line of what the reminders do: those the reminders of one policy step in
 * one tone (on one channel or in one language, when the link says) sent in a period listed, each
 * with how it went within 14 days.
 *
 * <pre>{@code
 * ReminderEffectsDrilldown.link(currency, from, to, effect, "channel", "EMAIL");
 * }</pre>
 */
@ApplicationScoped
public class ReminderEffectsDrilldown implements Drilldown {

  static final String KEY = "reminded";

  @Inject private ReminderEffects effects;
  @Inject private ReminderPolicyService policies;

  /**
   * The link to the invoices behind {@code effect}, narrowed by {@code by} ({@code "channel"} or
   * {@code "language"}) to {@code value}, or not when {@code by} is null.
   */
  static String link(
      Currency currency,
      LocalDate from,
      LocalDate to,
      ReminderEffects.StepEffect effect,
      String by,
      String value) {
    Map<String, String> params = new HashMap<>();
    params.put("currency", currency.getCurrencyCode());
    params.put("from", from.toString());
    params.put("to", to.toString());
    params.put("policy", Long.toString(effect.policyId()));
    params.put("step", Integer.toString(effect.step()));
    params.put("tone", effect.tone().name());
    if (by != null) {
      params.put(by, value);
    }
    return Drilldown.link(KEY, params);
  }

  @Override
  public String key() {
    return KEY;
  }

  @Override
  public String title(Map<String, String> params) {
    long policyId = Long.parseLong(required(params, "policy"));
    String policy =
        policies.find(policyId).map(ReminderPolicy::getName).orElse("policy " + policyId);
    Tone tone = Tone.valueOf(required(params, "tone"));
    String narrowed =
        params.containsKey("channel")
            ? " by " + Channel.valueOf(params.get("channel")).name().toLowerCase()
            : params.containsKey("language") ? " in " + params.get("language") : "";
    return "Invoices reminded at step "
        + required(params, "step")
        + " ("
        + tone.label()
        + ") of "
        + policy
        + narrowed
        + ", sent "
        + date(params, "from")
        + " to "
        + date(params, "to");
  }

  @Override
  public List<Item> items(Map<String, String> params, String collector) {
    String channel = params.get("channel");
    return effects
        .behind(
            Currency.getInstance(required(params, "currency")),
            date(params, "from"),
            date(params, "to"),
            Long.parseLong(required(params, "policy")),
            Integer.parseInt(required(params, "step")),
            Tone.valueOf(required(params, "tone")),
            channel == null ? null : Channel.valueOf(channel),
            params.get("language"))
        .stream()
        .map(
            r ->
                new Item(
                    "invoice", r.invoice(), r.customer(), r.reminded(), r.sentOn(), r.outcome()))
        .toList();
  }

  private static LocalDate date(Map<String, String> params, String name) {
    try {
      return LocalDate.parse(required(params, name));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(name + " is not a date", e);
    }
  }

  private static String required(Map<String, String> params, String name) {
    return Optional.ofNullable(params.get(name))
        .orElseThrow(() -> new IllegalArgumentException("the link names no " + name));
  }
}
