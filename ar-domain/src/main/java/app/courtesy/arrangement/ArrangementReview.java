package app.courtesy.arrangement;

import app.courtesy.collection.CaseReview;
import app.courtesy.collection.ReviewStarting;
import app.courtesy.credit.CreditNoteData;
import app.courtesy.credit.CreditNoteService;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.InvoicePart;
import app.courtesy.shared.Money;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.Payload;
import app.courtesy.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Follows every active arrangement from payments on the day the cases are reviewed, before them:
 * everything paid completes it; a plan's instalment still unpaid {@code noticeGraceDays} after its
 * date gets one gentle "we noticed" message, and still unpaid {@code defaultGraceDays} after that
 * the plan defaults (its case comes back to the collector ranked higher, with a call to make); an
 * extension ends at its new date; a discount paid in time writes the difference off with a credit
 * note, otherwise lapses. Whatever ends, its invoices are chased as usual again. Reviewing the same
 * day twice changes nothing.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ArrangementReview {

  static final String ACTOR = "Courtesy";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private ArrangementService arrangements;
  @Inject private WebhookEvents webhooks;
  @Inject private ArrangementMessages messages;
  @Inject private CreditNoteService creditNotes;
  @Inject private CaseReview cases;
  @Inject private Clock clock;

  void review(@Observes ReviewStarting day) {
    ArrangementLimits limits = arrangements.limits();
    for (Arrangement arrangement :
        em.createQuery(
                "select a from Arrangement a where a.status = :active order by a.id",
                Arrangement.class)
            .setParameter("active", ArrangementStatus.ACTIVE)
            .getResultList()) {
      follow(arrangement, messages.paid(arrangement), day.date(), limits);
    }
  }

  /**
   * Money was taken back (a payment reversed, a credit note cancelled, {@code reversalId}): each
   * active arrangement covering an invoice it had paid says where it stands now, from what is paid
   * now: an instalment it had covered is unpaid again, and the usual note and default follow from
   * its date. An arrangement that ended stays ended; its invoices are chased as usual.
   *
   * @param cause what happened, for the log: "Payment … was reversed (bounced transfer) on …"
   */
  public void reconsider(long customerId, long reversalId, LocalDate date, String cause) {
    em.flush();
    for (Arrangement arrangement :
        em.createQuery(
                "select a from Arrangement a where a.status = :active"
                    + " and a.customerId = :customer order by a.id",
                Arrangement.class)
            .setParameter("active", ArrangementStatus.ACTIVE)
            .setParameter("customer", customerId)
            .getResultList()) {
      boolean served =
          !em.createNativeQuery(
                  "select 1 from arrangement_invoice x join unwound_allocation u"
                      + " on u.invoice_id = x.invoice_id"
                      + " where x.arrangement_id = ?1 and u.reversal_id = ?2")
              .setParameter(1, arrangement.getId())
              .setParameter(2, reversalId)
              .setMaxResults(1)
              .getResultList()
              .isEmpty();
      if (!served) {
        continue;
      }
      Money paid = messages.paid(arrangement);
      String standing =
          arrangement
              .firstUnpaid(paid)
              .filter(unpaid -> !unpaid.dueOn().isAfter(date))
              .map(
                  unpaid ->
                      "the arrangement is behind again: instalment "
                          + unpaid.number()
                          + " of "
                          + arrangement.getSchedule().size()
                          + " ("
                          + arrangement.dueThrough(unpaid.number()).minus(paid).format(Locale.UK)
                          + " due by "
                          + unpaid.dueOn()
                          + ") is unpaid")
              .orElse(
                  "the arrangement now has "
                      + paid.format(Locale.UK)
                      + " of "
                      + arrangement.getCovered().format(Locale.UK)
                      + " paid, and nothing due is missing yet");
      arrangements.note(arrangement, ACTOR, cause + ": " + standing + ".");
    }
  }

  private void follow(
      Arrangement arrangement, Money paid, LocalDate date, ArrangementLimits limits) {
    switch (arrangement.getKind()) {
      case INSTALMENTS -> followPlan(arrangement, paid, date, limits);
      case EXTENSION -> {
        if (paid.compareTo(arrangement.getCovered()) >= 0) {
          close(
              arrangement, ArrangementStatus.COMPLETED, date, "Extension completed: paid in full.");
        } else if (date.isAfter(arrangement.getNewDueDate())) {
          close(
              arrangement,
              ArrangementStatus.ENDED,
              date,
              "Extension ended on "
                  + arrangement.getNewDueDate()
                  + " with "
                  + arrangement.getCovered().minus(paid).format(Locale.UK)
                  + " still open; reminders resume.");
        }
      }
      case DISCOUNT -> {
        PlannedInstalment payable = arrangement.getSchedule().get(0);
        if (paid.compareTo(payable.amount()) >= 0) {
          writeOff(arrangement, date);
          close(
              arrangement,
              ArrangementStatus.COMPLETED,
              date,
              "Early-payment discount earned: "
                  + paid.format(Locale.UK)
                  + " paid by "
                  + arrangement.getPayBy()
                  + "; the rest is written off with credit note "
                  + creditNoteNumber(arrangement)
                  + ".");
        } else if (date.isAfter(arrangement.getPayBy())) {
          close(
              arrangement,
              ArrangementStatus.LAPSED,
              date,
              "Early-payment discount lapsed: "
                  + payable.amount().format(Locale.UK)
                  + " was not paid by "
                  + arrangement.getPayBy()
                  + "; the full amount is chased again.");
        }
      }
    }
  }

  private void followPlan(
      Arrangement arrangement, Money paid, LocalDate date, ArrangementLimits limits) {
    List<PlannedInstalment> schedule = arrangement.getSchedule();
    PlannedInstalment unpaid = arrangement.firstUnpaid(paid).orElse(null);
    if (unpaid == null) {
      close(
          arrangement,
          ArrangementStatus.COMPLETED,
          date,
          "Instalment plan completed: all " + schedule.size() + " instalments paid.");
      return;
    }
    if (!date.isAfter(unpaid.dueOn().plusDays(limits.noticeGraceDays()))) {
      return;
    }
    String which =
        "instalment "
            + unpaid.number()
            + " of "
            + schedule.size()
            + " ("
            + arrangement.dueThrough(unpaid.number()).minus(paid).format(Locale.UK)
            + " of "
            + unpaid.amount().format(Locale.UK)
            + " due on "
            + unpaid.dueOn()
            + ")";
    int number = unpaid.number();
    boolean noticed = arrangement.getNoticedInstalment().map(n -> n == number).orElse(false);
    Customer customer = em.find(Customer.class, arrangement.getCustomerId());
    if (!noticed) {
      arrangement.noticed(unpaid.number(), date);
      messages.queueNotice(arrangement, customer, date, unpaid.number());
      arrangements.note(
          arrangement,
          ACTOR,
          "The " + which + " has not arrived; one gentle note asks whether the plan still suits.");
    } else if (date.isAfter(arrangement.getNoticedOn().plusDays(limits.defaultGraceDays()))) {
      close(
          arrangement,
          ArrangementStatus.DEFAULTED,
          date,
          "Instalment plan defaulted: the "
              + which
              + " is still missing "
              + limits.defaultGraceDays()
              + " days after the note. Reminders resume; the case is back with its collector.");
      cases.planDefaulted(arrangement.getCustomerId(), date);
      webhooks.publish(
          EventType.ARRANGEMENT_DEFAULTED,
          Payload.about(customer.getNumber())
              .number("arrangementId", arrangement.getId())
              .text("kind", arrangement.getKind().name())
              .money("covered", arrangement.getCovered())
              .date("defaultedOn", date));
      em.createNativeQuery(
              "insert into collector_task (customer_id, kind, due_on, title, created_at)"
                  + " values (?1, 'CALL', ?2, ?3, ?4)")
          .setParameter(1, arrangement.getCustomerId())
          .setParameter(2, date)
          .setParameter(3, "Call about the instalment plan, which defaulted on " + date)
          .setParameter(4, OffsetDateTime.now(clock))
          .executeUpdate();
    }
  }

  private void close(Arrangement arrangement, ArrangementStatus to, LocalDate date, String note) {
    arrangement.close(to, date);
    arrangements.setArranged(arrangement, false);
    arrangements.note(arrangement, ACTOR, note);
  }

  /** Credits what is still open on the covered invoices once the discounted amount is paid. */
  private void writeOff(Arrangement arrangement, LocalDate date) {
    Customer customer = em.find(Customer.class, arrangement.getCustomerId());
    List<InvoicePart> parts =
        ((List<?>)
                em.createNativeQuery(
                        """
                        select i.number, i.amount - i.allocated
                          from arrangement_invoice x join invoice i on i.id = x.invoice_id
                         where x.arrangement_id = ?1 and i.state = 'ISSUED'
                           and i.amount > i.allocated
                         order by i.due_date, i.number
                        """)
                    .setParameter(1, arrangement.getId())
                    .getResultList())
            .stream()
                .map(Object[].class::cast)
                .map(row -> new InvoicePart((String) row[0], new BigDecimal(row[1].toString())))
                .toList();
    if (parts.isEmpty()) {
      return;
    }
    creditNotes.record(
        List.of(
            new CreditNoteData(
                "arrangement-" + arrangement.getId(),
                creditNoteNumber(arrangement),
                customer.getNumber(),
                date,
                arrangement.getCovered().currency().getCurrencyCode(),
                parts.stream().map(InvoicePart::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                "Early-payment discount of "
                    + arrangement.getDiscountPercent().stripTrailingZeros().toPlainString()
                    + " %",
                parts)));
  }

  private static String creditNoteNumber(Arrangement arrangement) {
    return "CN-ARR-" + arrangement.getId();
  }
}
