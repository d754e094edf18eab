package app.courtesy.arrangement;

import static app.courtesy.shared.SqlValues.date;

import app.courtesy.arrangement.ArrangementLetters.ArrangementFacts;
import app.courtesy.arrangement.ArrangementLetters.ArrangementLetter;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.dunning.Holidays;
import app.courtesy.outbox.MessageKind;
import app.courtesy.outbox.Outbox;
import app.courtesy.reminder.ReminderContent;
import app.courtesy.reminder.ReminderModel;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.SenderDetails;
import app.courtesy.reminder.Tone;
import app.courtesy.shared.Money;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The letters about arrangements: what they tell the customer, written for one contact, and queued
 * in the outbox like reminders (the confirmation, the one "we noticed" message; the notes before
 * each instalment are planned with the dunning run). The outbox names the letter by its kind:
 * {@code AGREED}, {@code INSTALMENT}, {@code MISSED}.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ArrangementMessages {

  /**
   * What has been paid towards arrangement {@code a} (the alias a query must give it), as {@link
   * #paid} says: {@code a.covered} less what its covered invoices have open now.
   */
  public static final String PAID =
      """
      (a.covered - (select coalesce(sum(i.amount - i.allocated), 0)
                      from arrangement_invoice x join invoice i on i.id = x.invoice_id
                     where x.arrangement_id = a.id and i.state = 'ISSUED'))
      """;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private ContactService contacts;
  @Inject private SenderDetails sender;
  @Inject private Outbox outbox;
  @Inject private Holidays holidays;
  @Inject private Clock clock;

  /** What the customer is told about the arrangement, with its invoices as they stand now. */
  public ArrangementFacts facts(Arrangement arrangement) {
    List<ReminderModel.DueInvoice> invoices =
        ((List<?>)
                em.createNativeQuery(
                        """
                        select i.number, x.open_amount, i.due_date
                          from arrangement_invoice x join invoice i on i.id = x.invoice_id
                         where x.arrangement_id = ?1
                         order by i.due_date, i.number
                        """)
                    .setParameter(1, arrangement.getId())
                    .getResultList())
            .stream()
                .map(Object[].class::cast)
                .map(
                    row ->
                        new ReminderModel.DueInvoice(
                            (String) row[0],
                            new Money((BigDecimal) row[1], arrangement.getCovered().currency()),
                            date(row[2])))
                .toList();
    return facts(invoices, arrangement);
  }

  /** What the customer is told about an arrangement (saved or not) covering {@code invoices}. */
  static ArrangementFacts facts(List<ReminderModel.DueInvoice> invoices, Arrangement arrangement) {
    Money discount = arrangement.getDiscount();
    return new ArrangementFacts(
        arrangement.getKind(),
        invoices,
        arrangement.getCovered(),
        arrangement.getSchedule(),
        arrangement.getNewDueDate(),
        arrangement.getDiscountPercent(),
        discount,
        discount == null ? null : arrangement.getCovered().minus(discount),
        arrangement.getPayBy());
  }

  /**
   * The letter written for {@code to}, in the customer's language.
   *
   * @param instalment which instalment a note or "we noticed" message is about; 0 for the
   *     confirmation
   */
  public ReminderContent write(
      ArrangementLetter letter,
      ArrangementFacts facts,
      Customer customer,
      Contact to,
      int instalment,
      String selfServiceLink) {
    return ArrangementLetters.render(
        letter,
        ReminderTemplates.languageOf(customer.getLocale()),
        new ReminderModel.Recipient(to.getSalutation(), to.getName(), customer.getLocale()),
        customer.getName(),
        sender.of(customer),
        selfServiceLink,
        facts,
        instalment);
  }

  /** The letter an outbox message of an arrangement's kind stands for. */
  public ReminderContent write(
      MessageKind kind,
      long arrangementId,
      int instalment,
      Customer customer,
      Contact to,
      String selfServiceLink) {
    ArrangementLetter letter =
        switch (kind) {
          case AGREED -> ArrangementLetter.CONFIRMED;
          case INSTALMENT -> ArrangementLetter.DUE;
          case MISSED -> ArrangementLetter.MISSED;
          default -> throw new IllegalArgumentException("Not an arrangement's letter: " + kind);
        };
    return write(
        letter,
        facts(em.find(Arrangement.class, arrangementId)),
        customer,
        to,
        instalment,
        selfServiceLink);
  }

  /**
   * Whether a note before an instalment still has something to say when it goes out: the
   * arrangement is active and the instalment is not paid yet.
   */
  public boolean stillDue(long arrangementId, int instalment) {
    Arrangement arrangement = em.find(Arrangement.class, arrangementId);
    if (arrangement.getStatus() != ArrangementStatus.ACTIVE) {
      return false;
    }
    return arrangement
        .firstUnpaid(paid(arrangement))
        .map(unpaid -> unpaid.number() <= instalment)
        .orElse(false);
  }

  /**
   * What the customer has paid towards the arrangement since it was proposed: the covered invoices'
   * open amount then, less what they have open now.
   */
  public Money paid(Arrangement arrangement) {
    BigDecimal paid =
        (BigDecimal)
            em.createNativeQuery("select " + PAID + " from arrangement a where a.id = ?1")
                .setParameter(1, arrangement.getId())
                .getSingleResult();
    return new Money(paid, arrangement.getCovered().currency());
  }

  /** The contact a letter goes to: one who can be emailed, preferring email, else none. */
  public Optional<Contact> recipient(Customer customer) {
    return contacts.reachableOn(customer, Channel.EMAIL);
  }

  /** Queues the confirmation of an approved arrangement, for the recipient's send window. */
  @Transactional(Transactional.TxType.MANDATORY)
  void queueConfirmation(Arrangement arrangement, Customer customer, LocalDate date) {
    queue(arrangement, customer, date, MessageKind.AGREED, Tone.FRIENDLY, 0);
  }

  /** Queues the one gentle "we noticed" message about a missed instalment. */
  @Transactional(Transactional.TxType.MANDATORY)
  void queueNotice(Arrangement arrangement, Customer customer, LocalDate date, int instalment) {
    queue(arrangement, customer, date, MessageKind.MISSED, Tone.GENTLE, instalment);
  }

  private void queue(
      Arrangement arrangement,
      Customer customer,
      LocalDate date,
      MessageKind kind,
      Tone tone,
      int instalment) {
    outbox.queueLetter(
        kind,
        arrangement.getId(),
        instalment,
        customer,
        arrangement.getCovered(),
        arrangement.getInvoices().size(),
        date,
        tone,
        holidays.windowOf(customer, date).earliest(clock.instant()));
  }
}
