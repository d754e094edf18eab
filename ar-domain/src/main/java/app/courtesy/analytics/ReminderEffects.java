package app.courtesy.analytics;

import app.courtesy.customer.Channel;
import app.courtesy.reminder.Tone;
import app.courtesy.reminder.Variant;
import app.courtesy.shared.Money;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the reminders did ({@link CollectionsFigures.Figure#PAID_AFTER_REMINDER}) in one currency,
 * read from what the daily run wrote ({@link ReminderEffectDays}), never from the book: reminders
 * sent in a period count once the 14 days after their send date are over. Also the invoices behind
 * a figure, and how a template experiment's two variants compare.
 */
@ApplicationScoped
public class ReminderEffects {

  /** The most invoices {@link #behind} lists. */
  public static final int MOST_BEHIND = 500;

  /**
   * What reminders listed and what of it was paid within 7 and 14 days.
   *
   * @param amount what was open on the listed invoices the day before each was sent
   * @param paid7 the invoices with nothing open at the end of the 7th day after sending
   * @param settled7 of {@code amount}, what payments and credits dated within 7 days settled
   */
  public record Tally(
      int invoices, Money amount, int paid7, Money settled7, int paid14, Money settled14) {

    static Tally zero(Currency currency) {
      Money zero = Money.zero(currency);
      return new Tally(0, zero, 0, zero, 0, zero);
    }

    Tally plus(Tally other) {
      return new Tally(
          invoices + other.invoices,
          amount.plus(other.amount),
          paid7 + other.paid7,
          settled7.plus(other.settled7),
          paid14 + other.paid14,
          settled14.plus(other.settled14));
    }

    /** The share of the invoices paid within 7 days, in per cent; undefined without invoices. */
    public Optional<BigDecimal> invoicesPaidWithin7() {
      return CollectionsFigures.paidShare(paid7, invoices);
    }

    public Optional<BigDecimal> invoicesPaidWithin14() {
      return CollectionsFigures.paidShare(paid14, invoices);
    }

    /** The share of the amount settled within 7 days, in per cent; undefined when none was open. */
    public Optional<BigDecimal> amountPaidWithin7() {
      return CollectionsFigures.paidShare(settled7, amount);
    }

    public Optional<BigDecimal> amountPaidWithin14() {
      return CollectionsFigures.paidShare(settled14, amount);
    }
  }

  /**
   * What the reminders of one policy step in one tone did, in all and by channel and by language.
   *
   * @param step the step's number in its policy, from 1
   * @param byLanguage by language code ({@code de}, {@code en}, …)
   */
  public record StepEffect(
      long policyId,
      String policy,
      int step,
      Tone tone,
      Tally all,
      Map<Channel, Tally> byChannel,
      Map<String, Tally> byLanguage) {}

  /**
   * An invoice a reminder listed, as the drill-down shows it.
   *
   * @param reminded what was open on it the day before the reminder was sent
   */
  public record Reminded(
      LocalDate sentOn,
      String invoice,
      String customer,
      Money reminded,
      Money settled7,
      Money settled14) {

    /** How it went, in words: paid within 7 days, within 14, partly, or not. */
    public String outcome() {
      if (settled7.compareTo(reminded) >= 0) {
        return "Paid within 7 days";
      }
      if (settled14.compareTo(reminded) >= 0) {
        return "Paid within 14 days";
      }
      return settled14.isPositive() ? "Partly paid within 14 days" : "Not paid within 14 days";
    }
  }

  /**
   * How the two variants of a template experiment did, over every currency and send date written.
   *
   * @param difference empty while a variant has no invoice yet
   */
  public record Comparison(
      int invoicesA,
      int paidA,
      int invoicesB,
      int paidB,
      Optional<CollectionsFigures.ShareDifference> difference) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /**
   * What the reminders sent from {@code from} to {@code to} (both included) did, by policy, step
   * and tone, in the order of the policies' names and their steps; none for a currency without any.
   */
  @SuppressWarnings("unchecked")
  public List<StepEffect> effects(Currency currency, LocalDate from, LocalDate to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select e.policy_id, p.name, e.step_position, e.tone, e.channel, e.language,"
                    + " sum(e.invoices), sum(e.amount), sum(e.paid_7_invoices),"
                    + " sum(e.paid_7_amount), sum(e.paid_14_invoices), sum(e.paid_14_amount)"
                    + " from reminder_effect e join reminder_policy p on p.id = e.policy_id"
                    + " where e.currency = ?1 and e.sent_on >= ?2 and e.sent_on <= ?3"
                    + " group by e.policy_id, p.name, e.step_position, e.tone, e.channel,"
                    + " e.language"
                    + " order by p.name, e.policy_id, e.step_position, e.tone")
            .setParameter(1, currency.getCurrencyCode())
            .setParameter(2, Date.valueOf(from))
            .setParameter(3, Date.valueOf(to))
            .getResultList();
    Map<List<Object>, StepEffect> steps = new LinkedHashMap<>();
    for (Object[] row : rows) {
      long policyId = ((Number) row[0]).longValue();
      int step = ((Number) row[2]).intValue() + 1;
      Tone tone = Tone.valueOf((String) row[3]);
      Tally tally =
          new Tally(
              ((Number) row[6]).intValue(),
              Trends.money(row[7], currency),
              ((Number) row[8]).intValue(),
              Trends.money(row[9], currency),
              ((Number) row[10]).intValue(),
              Trends.money(row[11], currency));
      StepEffect before =
          steps.getOrDefault(
              List.of(policyId, step, tone),
              new StepEffect(
                  policyId, (String) row[1], step, tone, Tally.zero(currency), Map.of(), Map.of()));
      Map<Channel, Tally> byChannel = new EnumMap<>(Channel.class);
      byChannel.putAll(before.byChannel());
      byChannel.merge(Channel.valueOf((String) row[4]), tally, Tally::plus);
      Map<String, Tally> byLanguage = new TreeMap<>(before.byLanguage());
      byLanguage.merge((String) row[5], tally, Tally::plus);
      steps.put(
          List.of(policyId, step, tone),
          new StepEffect(
              policyId,
              before.policy(),
              step,
              tone,
              before.all().plus(tally),
              Collections.unmodifiableMap(byChannel),
              Collections.unmodifiableMap(byLanguage)));
    }
    return List.copyOf(steps.values());
  }

  /**
   * The invoices behind a {@link StepEffect}: those the reminders of the step in {@code tone} sent
   * from {@code from} to {@code to} listed, latest first, at most {@value #MOST_BEHIND}.
   *
   * @param channel only the reminders on this channel; {@code null} for all
   * @param language only the reminders in this language; {@code null} for all
   */
  @SuppressWarnings("unchecked")
  public List<Reminded> behind(
      Currency currency,
      LocalDate from,
      LocalDate to,
      long policyId,
      int step,
      Tone tone,
      Channel channel,
      String language) {
    List<Object> parameters =
        new ArrayList<>(
            List.of(
                currency.getCurrencyCode(),
                Date.valueOf(from),
                Date.valueOf(to),
                policyId,
                step - 1,
                tone.name()));
    StringBuilder where = new StringBuilder();
    if (channel != null) {
      parameters.add(channel.name());
      where.append(" and m.channel = ?").append(parameters.size());
    }
    if (language != null) {
      parameters.add(language);
      where.append(" and m.language = ?").append(parameters.size());
    }
    Query query =
        em.createNativeQuery(
            "select r.sent_on, i.number, c.name, r.reminded, r.paid_7, r.paid_14"
                + " from reminded_invoice r join outbox_message m on m.id = r.message_id"
                + " join invoice i on i.id = r.invoice_id join customer c on c.id = m.customer_id"
                + " where m.currency = ?1 and r.sent_on >= ?2 and r.sent_on <= ?3"
                + " and m.policy_id = ?4 and m.step_position = ?5 and m.tone = ?6"
                + where
                + " order by r.sent_on desc, i.number");
    SqlValues.bind(query, parameters);
    query.setMaxResults(MOST_BEHIND);
    return ((List<Object[]>) query.getResultList())
        .stream().map(row -> reminded(row, currency)).toList();
  }

  /**
   * A {@link Reminded} from a row whose first columns are {@code sent_on, number, name, reminded,
   * paid_7, paid_14}.
   */
  private static Reminded reminded(Object[] row, Currency currency) {
    return new Reminded(
        SqlValues.date(row[0]),
        (String) row[1],
        (String) row[2],
        Trends.money(row[3], currency),
        Trends.money(row[4], currency),
        Trends.money(row[5], currency));
  }

  /** An invoice behind a template experiment: the variant its customer was given, and its fate. */
  public record ExperimentReminded(Variant variant, Reminded reminded) {}

  /**
   * The invoices the reminders of the experiment {@code experimentId} listed, once followed for 14
   * days, latest first, at most {@value #MOST_BEHIND}: read from the experiment's customers.
   */
  @SuppressWarnings("unchecked")
  public List<ExperimentReminded> behindExperiment(long experimentId) {
    List<Object[]> rows =
        em.createNativeQuery(
                """
                select r.sent_on, i.number, c.name, r.reminded, r.paid_7, r.paid_14, m.currency,
                       m.variant
                  from template_experiment_customer x
                  join outbox_message m on m.customer_id = x.customer_id
                                       and m.experiment_id = x.experiment_id
                  join reminded_invoice r on r.message_id = m.id
                  join invoice i on i.id = r.invoice_id
                  join customer c on c.id = m.customer_id
                 where x.experiment_id = ?1
                 order by r.sent_on desc, i.number
                """)
            .setParameter(1, experimentId)
            .setMaxResults(MOST_BEHIND)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new ExperimentReminded(
                    Variant.valueOf((String) row[7]),
                    reminded(row, Currency.getInstance((String) row[6]))))
        .toList();
  }

  /** How the variants of the experiment {@code experimentId} did so far. */
  @SuppressWarnings("unchecked")
  public Comparison comparison(long experimentId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select variant, sum(invoices), sum(paid_14_invoices) from reminder_effect"
                    + " where experiment_id = ?1 group by variant")
            .setParameter(1, experimentId)
            .getResultList();
    Map<Variant, int[]> counts = new EnumMap<>(Variant.class);
    for (Object[] row : rows) {
      counts.put(
          Variant.valueOf((String) row[0]),
          new int[] {((Number) row[1]).intValue(), ((Number) row[2]).intValue()});
    }
    int[] a = counts.getOrDefault(Variant.A, new int[2]);
    int[] b = counts.getOrDefault(Variant.B, new int[2]);
    return new Comparison(
        a[0], a[1], b[0], b[1], CollectionsFigures.experimentDifference(a[1], a[0], b[1], b[0]));
  }
}
