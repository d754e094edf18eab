package app.courtesy.dunning;

import static app.courtesy.shared.SqlValues.date;
import static app.courtesy.shared.SqlValues.instant;

import app.courtesy.customer.Channel;
import app.courtesy.outbox.MessageKind;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.outbox.Suppression;
import app.courtesy.reminder.Tone;
import app.courtesy.shared.Money;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who gets what, when, for a range of dates, without sending anything: dates that ran show what
 * they queued; every other date is planned exactly as its run would plan it, one after the other,
 * in a transaction that is then rolled back.
 */
@ApplicationScoped
public class ReminderPreview {

  public static final int MAX_DAYS = 31;

  /**
   * An invoice a message lists, with what is open on it now; or one instalment of an invoice paid
   * in instalments, with what is open on that instalment and its due date.
   *
   * @param instalment the instalment's number, from 1; 0 for the invoice as a whole
   * @param instalments how many instalments the invoice has; 0 for one due at once
   */
  public record Item(
      String number, Money open, LocalDate dueDate, int instalment, int instalments) {

    /** The invoice as a whole. */
    public Item(String number, Money open, LocalDate dueDate) {
      this(number, open, dueDate, 0, 0);
    }

    /** "INV-1", or "INV-1 (instalment 2 of 2)". */
    public String label() {
      return instalment == 0
          ? number
          : number + " (instalment " + instalment + " of " + instalments + ")";
    }
  }

  /**
   * A message of the preview: queued, or suppressed with its reason.
   *
   * @param kind a reminder, a thank-you, or a letter about an arrangement
   * @param instalment the instalment a note about an arrangement concerns, else 0
   * @param scheduledAt when it goes out, on the recipient's clock
   */
  public record Message(
      LocalDate date,
      long customerId,
      String customerNumber,
      String customerName,
      MessageKind kind,
      int instalment,
      int step,
      Channel channel,
      Tone tone,
      Money total,
      MessageStatus status,
      Suppression reason,
      OffsetDateTime scheduledAt,
      List<Item> invoices) {

    /** What the message is, in a collector's words: "2 · Friendly", "Thank you", … */
    public String label() {
      return kind.label(step, tone, instalment);
    }
  }

  /** An invoice due for a step but held back. */
  public record HeldBack(
      LocalDate date,
      long customerId,
      String customerNumber,
      String customerName,
      String invoiceNumber,
      Money open,
      Suppression reason) {}

  /** The preview of {@code from..to}; at most {@code limit} messages and held-back invoices. */
  public record Preview(
      LocalDate from,
      LocalDate to,
      List<Message> messages,
      List<HeldBack> heldBack,
      int messageCount,
      int heldBackCount,
      boolean truncated) {

    Preview(
        LocalDate from,
        LocalDate to,
        List<Message> messages,
        List<HeldBack> heldBack,
        int messageCount,
        int heldBackCount) {
      this(
          from,
          to,
          messages,
          heldBack,
          messageCount,
          heldBackCount,
          messages.size() < messageCount || heldBack.size() < heldBackCount);
    }
  }

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private UserTransaction transaction;
  @Inject private DunningPlanner planner;
  @Inject private DunningRuns runs;

  /**
   * @throws IllegalArgumentException when {@code to} is before {@code from} or the range is longer
   *     than {@link #MAX_DAYS}
   */
  public Preview of(LocalDate from, LocalDate to, int limit) {
    return preview(from, to, limit, null);
  }

  /**
   * One customer's part of the preview of {@code from..to}: what its case page shows ahead.
   *
   * @throws IllegalArgumentException as {@link #of}
   */
  public Preview ofCustomer(long customerId, LocalDate from, LocalDate to, int limit) {
    return preview(from, to, limit, customerId);
  }

  /**
   * @param customerId the one customer to plan and show, or {@code null} for the whole book
   */
  private Preview preview(LocalDate from, LocalDate to, int limit, Long customerId) {
    String only = customerId == null ? "" : " and customer_id = " + customerId;
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "The preview's last date (to) is before its first (from).");
    }
    if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new IllegalArgumentException("A preview covers at most " + MAX_DAYS + " days.");
    }
    begin();
    try {
      ReminderSettings settings = runs.settings();
      for (LocalDate date = from; !date.isAfter(to); date = date.plusDays(1)) {
        if (runs.find(date).filter(DunningRun::isCompleted).isPresent()) {
          continue;
        }
        if (customerId == null) {
          planner.plan(date, settings);
        } else {
          planner.planCustomer(date, settings, customerId);
        }
      }
      return new Preview(
          from,
          to,
          messages(from, to, limit, only),
          heldBack(from, to, limit, only),
          count("select count(*) from outbox_message", from, to, only),
          count("select count(*) from outbox_item", from, to, only));
    } finally {
      rollback();
    }
  }

  private void begin() {
    try {
      transaction.begin();
    } catch (NotSupportedException | SystemException e) {
      throw new IllegalStateException("Cannot start the preview's transaction", e);
    }
  }

  private void rollback() {
    try {
      transaction.rollback();
    } catch (SystemException e) {
      throw new IllegalStateException("Cannot roll the preview back", e);
    }
  }

  private List<Message> messages(LocalDate from, LocalDate to, int limit, String only) {
    String listed =
        """
            select customer_id, currency, business_date, invoice_ids, invoice_instalments
              from outbox_message
             where business_date between ?1 and ?2 and kind = 'REMINDER' %s
             order by business_date, customer_id, currency
             fetch first ?3 rows only
            """
            .formatted(only);
    // which instalment of each invoice each message lists (0: the whole invoice)
    Set<String> instalments = new HashSet<>();
    for (Object[] row : rows(listed, from, to, limit)) {
      List<Long> ids = SqlValues.numbers(row[3]);
      List<Long> numbers = SqlValues.numbers(row[4]);
      for (int i = 0; i < ids.size(); i++) {
        instalments.add(
            key(row[0], row[1], row[2])
                + "/"
                + ids.get(i)
                + "/"
                + (numbers.isEmpty() ? 0 : numbers.get(i)));
      }
    }
    Map<String, List<Item>> items = new LinkedHashMap<>();
    for (Object[] row :
        rows(
            """
                select m.customer_id, m.currency, m.business_date, i.number,
                       i.amount - i.allocated, i.due_date, i.id, 0, 0
                  from (%1$s) m
                  join invoice i on i.id = any(m.invoice_ids)
                union all
                select m.customer_id, m.currency, m.business_date, i.number,
                       least(n.amount, n.amount_through - i.allocated), n.due_date, i.id, n.number,
                       (select count(*) from invoice_instalment c where c.invoice_id = i.id)
                  from (%1$s) m
                  join invoice i on i.id = any(m.invoice_ids)
                  join invoice_instalment n on n.invoice_id = i.id
                 where n.amount_through > i.allocated
                 order by 6, 4, 8
                """
                .formatted(listed),
            from,
            to,
            limit)) {
      String message = key(row[0], row[1], row[2]);
      int instalment = ((Number) row[7]).intValue();
      if (instalments.contains(message + "/" + row[6] + "/" + instalment)) {
        items
            .computeIfAbsent(message, k -> new ArrayList<>())
            .add(
                new Item(
                    (String) row[3],
                    money((BigDecimal) row[4], (String) row[1]),
                    date(row[5]),
                    instalment,
                    ((Number) row[8]).intValue()));
      }
    }
    List<Message> messages = new ArrayList<>();
    for (Object[] row :
        rows(
            """
                select m.customer_id, m.currency, m.business_date, c.number, c.name,
                       m.step_position, m.channel, m.tone, m.total, m.status, m.reason,
                       m.scheduled_at, c.time_zone, m.kind, m.instalment_no
                  from outbox_message m join customer c on c.id = m.customer_id
                 where m.business_date between ?1 and ?2 %s
                 order by m.business_date, m.customer_id, m.currency
                 fetch first ?3 rows only
                """
                .formatted(only.replace("customer_id", "m.customer_id")),
            from,
            to,
            limit)) {
      messages.add(
          new Message(
              date(row[2]),
              ((Number) row[0]).longValue(),
              (String) row[3],
              (String) row[4],
              MessageKind.valueOf((String) row[13]),
              ((Number) row[14]).intValue(),
              row[5] == null ? 0 : ((Number) row[5]).intValue() + 1,
              Channel.valueOf((String) row[6]),
              Tone.valueOf((String) row[7]),
              money((BigDecimal) row[8], (String) row[1]),
              MessageStatus.valueOf((String) row[9]),
              row[10] == null ? null : Suppression.valueOf((String) row[10]),
              OffsetDateTime.ofInstant(instant(row[11]), ZoneId.of((String) row[12])),
              items.getOrDefault(key(row[0], row[1], row[2]), List.of())));
    }
    return messages;
  }

  private List<HeldBack> heldBack(LocalDate from, LocalDate to, int limit, String only) {
    List<HeldBack> heldBack = new ArrayList<>();
    for (Object[] row :
        rows(
            """
                select t.business_date, c.id, c.number, c.name, i.number, t.currency,
                       t.open_amount, t.reason
                  from outbox_item t
                  join customer c on c.id = t.customer_id
                  join invoice i on i.id = t.invoice_id
                 where t.business_date between ?1 and ?2 %s
                 order by t.business_date, c.number, i.number
                 fetch first ?3 rows only
                """
                .formatted(only.replace("customer_id", "t.customer_id")),
            from,
            to,
            limit)) {
      heldBack.add(
          new HeldBack(
              date(row[0]),
              ((Number) row[1]).longValue(),
              (String) row[2],
              (String) row[3],
              (String) row[4],
              money((BigDecimal) row[6], (String) row[5]),
              Suppression.valueOf((String) row[7])));
    }
    return heldBack;
  }

  /** The rows of a query over {@code from..to}, at most {@code limit} ({@code ?1..?3}). */
  private List<Object[]> rows(String sql, LocalDate from, LocalDate to, int limit) {
    return ((List<?>)
            em.createNativeQuery(sql)
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, limit)
                .getResultList())
        .stream().map(Object[].class::cast).toList();
  }

  private int count(String select, LocalDate from, LocalDate to, String... more) {
    return ((Number)
            em.createNativeQuery(
                    select + " where business_date between ?1 and ?2" + String.join("", more))
                .setParameter(1, from)
                .setParameter(2, to)
                .getSingleResult())
        .intValue();
  }

  private static Money money(BigDecimal amount, String currency) {
    return new Money(amount, Currency.getInstance(currency));
  }

  private static String key(Object customer, Object currency, Object date) {
    return customer + "/" + currency + "/" + date;
  }
}
