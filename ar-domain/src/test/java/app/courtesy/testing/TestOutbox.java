package app.courtesy.testing;

import app.courtesy.customer.Customer;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what the dunning runs wrote for one customer, as a collector would look it up. */
@ApplicationScoped
@Transactional
public class TestOutbox {

  /**
   * A message as written: its kind, date, step (from 1; 0 for anything but a reminder), status,
   * reason, total and listed invoices.
   */
  public record Row(
      String kind,
      long id,
      LocalDate date,
      int step,
      String tone,
      String currency,
      String status,
      String reason,
      BigDecimal total,
      List<String> invoices,
      Instant scheduledAt,
      int attempts) {}

  /** A reminder as sent: when, its step (from 1), and the invoices it listed. */
  public record Sent(long id, Instant sentAt, int step, List<String> invoices) {}

  /** An invoice held back on a date, and why. */
  public record Held(LocalDate date, String invoice, String reason) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public List<Row> messages(Customer customer) {
    return ((List<?>)
            em.createNativeQuery(
                    "select business_date, step_position, tone, currency, status, reason, total, id,"
                        + " scheduled_at, attempts, kind from outbox_message where customer_id = ?1"
                        + " order by business_date, currency, id")
                .setParameter(1, customer.getId())
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(
                r -> {
                  LocalDate date = SqlValues.date(r[0]);
                  return new Row(
                      (String) r[10],
                      ((Number) r[7]).longValue(),
                      date,
                      r[1] == null ? 0 : ((Number) r[1]).intValue() + 1,
                      (String) r[2],
                      (String) r[3],
                      (String) r[4],
                      (String) r[5],
                      (BigDecimal) r[6],
                      listed(customer, (String) r[3], date),
                      SqlValues.instant(r[8]),
                      ((Number) r[9]).intValue());
                })
            .toList();
  }

  /** The server the message {@code id} was last handed to, as another transaction sees it. */
  public String handedTo(long id) {
    return (String)
        em.createNativeQuery("select handed_to from outbox_message where id = ?1")
            .setParameter(1, id)
            .getSingleResult();
  }

  /** The queued messages only. */
  public List<Row> queued(Customer customer) {
    return messages(customer).stream().filter(m -> m.status().equals("QUEUED")).toList();
  }

  /** The reminders sent to {@code customer}, in the order they were written. */
  public List<Sent> sentReminders(Customer customer) {
    Map<Long, Sent> sent = new LinkedHashMap<>();
    for (Object row :
        em.createNativeQuery(
                "select m.id, m.sent_at, m.step_position, i.number from outbox_message m"
                    + " join invoice i on i.id = any(m.invoice_ids)"
                    + " where m.customer_id = ?1 and m.kind = 'REMINDER' and m.status = 'SENT'"
                    + " order by m.id, i.number")
            .setParameter(1, customer.getId())
            .getResultList()) {
      Object[] r = (Object[]) row;
      sent.computeIfAbsent(
              ((Number) r[0]).longValue(),
              id ->
                  new Sent(
                      id,
                      SqlValues.instant(r[1]),
                      ((Number) r[2]).intValue() + 1,
                      new ArrayList<>()))
          .invoices()
          .add((String) r[3]);
    }
    return List.copyOf(sent.values());
  }

  public List<Held> heldBack(Customer customer) {
    return ((List<?>)
            em.createNativeQuery(
                    "select t.business_date, i.number, t.reason from outbox_item t"
                        + " join invoice i on i.id = t.invoice_id"
                        + " where t.customer_id = ?1"
                        + " order by t.business_date, i.number")
                .setParameter(1, customer.getId())
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(r -> new Held(SqlValues.date(r[0]), (String) r[1], (String) r[2]))
            .toList();
  }

  private List<String> listed(Customer customer, String currency, LocalDate date) {
    return ((List<?>)
            em.createNativeQuery(
                    "select i.number from outbox_message m join invoice i on i.id = any(m.invoice_ids)"
                        + " where m.customer_id = ?1 and m.currency = ?2 and m.business_date = ?3"
                        + " and m.kind = 'REMINDER' order by i.due_date, i.number")
                .setParameter(1, customer.getId())
                .setParameter(2, currency)
                .setParameter(3, date)
                .getResultList())
        .stream().map(String.class::cast).toList();
  }

  /**
   * A Monday two weeks after every date any run has claimed, so a diary starts on a clean page. The
   * suite's dates march on by a few weeks per test from 2030, and must stay within the ten years
   * ahead an invoice's dates may lie (PlausibleDate); each test's customers are its own, so two
   * weeks keep its dates clear of the last test's.
   */
  public LocalDate freshMonday() {
    Object latest =
        em.createNativeQuery("select max(business_date) from dunning_run").getSingleResult();
    LocalDate after =
        latest == null ? LocalDate.of(2030, 1, 1) : SqlValues.date(latest).plusDays(14);
    LocalDate monday = after;
    while (monday.getDayOfWeek() != java.time.DayOfWeek.MONDAY) {
      monday = monday.plusDays(1);
    }
    return monday;
  }
}
