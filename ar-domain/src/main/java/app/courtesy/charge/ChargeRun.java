package app.courtesy.charge;

import static app.courtesy.shared.SqlValues.date;
import static app.courtesy.shared.SqlValues.idList;

import app.courtesy.customer.Customer;
import app.courtesy.shared.Money;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.Payload;
import app.courtesy.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Charges one business date, in the dunning run's own transaction, right after it planned the
 * date's reminders. A finance team's rhythm: what is owed is charged when a reminder goes out, so
 * the reminder can state it.
 *
 * <ul>
 *   <li><b>Fees</b>: for each reminder queued that day whose policy has a fee for the reminder's
 *       step in its currency, once per reminder (key {@code fee/{message}}).
 *   <li><b>Interest</b>: on each overdue invoice the queued reminders list, from the day after it
 *       was last charged (at first: the day after the due date) up to and including the business
 *       date, in segments of the same balance and rate; a payment dated D stops interest on its
 *       amount from D on (see {@link LateInterest}). Days charged before are worked out again with
 *       the payments known now: a payment recorded after interest was charged for its days gives a
 *       correction. Each invoice's days are charged once (its {@link InterestAccrual}; the key
 *       {@code interest/{invoice}/{from}}).
 *   <li><b>Closing interest</b>: an invoice charged before and now paid in full is charged up to
 *       the day before the payment that settled it, then closed; one the ERP cancelled or wrote off
 *       is closed without more.
 *   <li><b>Compensation</b>: the law's fixed sum once per invoice, at its first charge (key {@code
 *       compensation/{invoice}}).
 * </ul>
 *
 * Everything a date charges a customer in a currency goes on one document. Only customers whose
 * policy charges something cost anything: with no such policy, charging a date is one read.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ChargeRun {

  /** Who the charges of a run are written by, where it says. */
  static final String ACTOR = "charges";

  /** How many ids one statement names at most. */
  private static final int CHUNK = 500;

  /** What a date charged, and which reference rates interest waited for. */
  public record Charged(int documents, int lines, String waitingFor) {}

  private record Message(
      long id, long customerId, String currency, long policyId, Integer position) {}

  private record Debt(
      long invoiceId,
      long customerId,
      String currency,
      BigDecimal amount,
      LocalDate dueDate,
      long policyId,
      Long messageId,
      boolean closing,
      boolean gone) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private ChargePolicies policies;
  @Inject private WebhookEvents webhooks;
  @Inject private ReferenceRates rates;
  @Inject private Charges charges;
  @Inject private Clock clock;

  /** Charges {@code date} unless it was charged before; then returns what it charged then. */
  public Charged charge(LocalDate date) {
    List<?> earlier =
        em.createNativeQuery(
                "select documents, charge_lines, waiting_for from charge_run where business_date"
                    + " = ?1")
            .setParameter(1, date)
            .getResultList();
    if (!earlier.isEmpty()) {
      Object[] row = (Object[]) earlier.get(0);
      return new Charged(
          ((Number) row[0]).intValue(), ((Number) row[1]).intValue(), (String) row[2]);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    Map<Long, ChargeTerms> charging = policies.charging();
    Charged charged = charging.isEmpty() ? new Charged(0, 0, null) : charge(date, charging, now);
    em.createNativeQuery(
            "insert into charge_run (business_date, documents, charge_lines, waiting_for,"
                + " created_at) values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, date)
        .setParameter(2, charged.documents())
        .setParameter(3, charged.lines())
        .setParameter(4, charged.waitingFor())
        .setParameter(5, now)
        .executeUpdate();
    return charged;
  }

  private Charged charge(LocalDate date, Map<Long, ChargeTerms> charging, OffsetDateTime now) {
    String policyIds = idList(charging.keySet());
    Map<String, ChargeDocument> documents = new LinkedHashMap<>();

    List<Message> queued = messages(date, policyIds);
    Map<Long, Message> messagesById = new HashMap<>();
    queued.forEach(m -> messagesById.put(m.id(), m));
    for (Message message : queued) {
      ChargeTerms terms = charging.get(message.policyId());
      Integer position = message.position();
      if (position == null) {
        continue;
      }
      for (ChargeTerms.StepFee fee : terms.fees()) {
        if (fee.step() == position + 1 && fee.currency().equals(message.currency())) {
          document(documents, message.customerId(), message.currency(), date, message, now)
              .add(
                  ChargeLine.fee(
                      message.id(),
                      position,
                      new Money(fee.amount(), Currency.getInstance(fee.currency())).amount()));
        }
      }
    }

    Set<Long> interestPolicies =
        charging.entrySet().stream()
            .filter(e -> e.getValue().interest() != InterestBasis.NONE)
            .map(Map.Entry::getKey)
            .collect(Collectors.toSet());
    List<Debt> debts = new ArrayList<>();
    if (!interestPolicies.isEmpty()) {
      debts.addAll(reminded(date, idList(interestPolicies)));
    }
    Set<Long> reminded = debts.stream().map(Debt::invoiceId).collect(Collectors.toSet());
    closing().stream().filter(d -> !reminded.contains(d.invoiceId())).forEach(debts::add);
    if (documents.isEmpty() && debts.isEmpty()) {
      return new Charged(0, 0, null);
    }

    List<Long> invoiceIds = debts.stream().map(Debt::invoiceId).toList();
    Map<Long, InterestAccrual> accruals = accruals(invoiceIds);
    Map<Long, List<LateInterest.Reduction>> reductions = reductions(invoiceIds);
    Set<Long> compensated = compensated(invoiceIds);
    RateTable table = rates.table();
    Set<String> waiting = new LinkedHashSet<>();

    for (Debt debt : debts) {
      InterestAccrual accrual = accruals.get(debt.invoiceId());
      ChargeTerms terms = charging.get(debt.policyId());
      if (debt.closing()) {
        if (debt.gone() || terms == null || terms.interest() == InterestBasis.NONE) {
          accrual.close();
          continue;
        }
      }
      Currency currency = Currency.getInstance(debt.currency());
      List<LateInterest.Reduction> reduced = reductions.getOrDefault(debt.invoiceId(), List.of());
      ChargeDocument document =
          document(
              documents,
              debt.customerId(),
              debt.currency(),
              date,
              debt.messageId() == null ? null : messagesById.get(debt.messageId()),
              now,
              debt.policyId());
      if (accrual == null) {
        accrual = new InterestAccrual(debt.invoiceId(), debt.policyId(), debt.dueDate());
        em.persist(accrual);
        accruals.put(debt.invoiceId(), accrual);
      } else if (accrual.isClosed()) {
        accrual.reopen(debt.policyId());
      }
      interest(debt, terms, table, accrual, reduced, currency, document, date, waiting);
      if (!debt.closing()
          && terms.compensation()
          && terms.interest().isStatutory()
          && !compensated.contains(debt.invoiceId())) {
        compensation(debt, terms, reduced, currency, document);
      }
      if (debt.closing()) {
        accrual.close();
      }
    }

    int documentCount = 0;
    int lineCount = 0;
    Set<String> touched = new LinkedHashSet<>();
    for (ChargeDocument document : documents.values()) {
      if (document.isEmpty()) {
        continue;
      }
      em.persist(document);
      document.numbered();
      webhooks.publish(
          EventType.CHARGE_RAISED,
          Payload.about(em.find(Customer.class, document.getCustomerId()).getNumber())
              .text("documentNumber", document.getNumber())
              .money("total", document.getTotal())
              .date("businessDate", document.getBusinessDate())
              .flag("credit", document.isCredit()));
      documentCount++;
      lineCount += document.getLines().size();
      touched.add(document.getCustomerId() + "/" + document.getCurrency().getCurrencyCode());
    }
    em.flush();
    for (String key : touched) {
      String[] parts = key.split("/");
      charges.net(Long.parseLong(parts[0]), parts[1], ACTOR, now);
    }
    String waitingFor =
        waiting.isEmpty()
            ? null
            : "Interest waits for "
                + String.join("; ", waiting)
                + ": record it under Administration → Reference rates.";
    return new Charged(
        documentCount,
        lineCount,
        waitingFor == null || waitingFor.length() <= 1000
            ? waitingFor
            : waitingFor.substring(0, 997) + "…");
  }

  /**
   * Interest on one invoice from the day after its last charge up to {@code date}, and a correction
   * of the days charged before when the payments known now say otherwise.
   */
  private void interest(
      Debt debt,
      ChargeTerms terms,
      RateTable table,
      InterestAccrual accrual,
      List<LateInterest.Reduction> reduced,
      Currency currency,
      ChargeDocument document,
      LocalDate date,
      Set<String> waiting) {
    if (terms.interest() == InterestBasis.NONE) {
      return;
    }
    LateInterest.Terms rule =
        LateInterest.terms(terms.interest(), terms.effectiveMargin(), terms.monthlyRate(), table);
    LocalDate start = debt.dueDate().plusDays(1);
    LocalDate chargedTo = accrual.getChargedTo();
    BigDecimal charged = accrual.getExactCharged();
    if (!chargedTo.isBefore(start)) {
      LateInterest.Result again =
          LateInterest.accrue(debt.amount(), debt.dueDate(), reduced, start, chargedTo, rule);
      if (again.missing() == null) {
        Money difference = new Money(again.exact().subtract(charged), currency);
        if (difference.amount().signum() != 0) {
          document.add(
              ChargeLine.correction(debt.invoiceId(), date, start, chargedTo, difference.amount()));
        }
        charged = again.exact();
      }
    }
    LateInterest.Result fresh =
        LateInterest.accrue(
            debt.amount(), debt.dueDate(), reduced, chargedTo.plusDays(1), date, rule);
    for (LateInterest.Segment segment : fresh.segments()) {
      Money amount = new Money(segment.exact(), currency);
      if (amount.amount().signum() != 0) {
        document.add(ChargeLine.interest(debt.invoiceId(), segment, amount.amount()));
      }
    }
    if (fresh.missing() != null) {
      waiting.add(fresh.missing());
    }
    LocalDate to = fresh.computedTo().isAfter(chargedTo) ? fresh.computedTo() : chargedTo;
    accrual.charged(to, charged.add(fresh.exact()));
  }

  /** The law's fixed compensation, sized by what was open when interest started to run. */
  private static void compensation(
      Debt debt,
      ChargeTerms terms,
      List<LateInterest.Reduction> reduced,
      Currency currency,
      ChargeDocument document) {
    LocalDate start = debt.dueDate().plusDays(1);
    BigDecimal late = debt.amount();
    for (LateInterest.Reduction reduction : reduced) {
      if (!reduction.on().isAfter(start)) {
        late = late.subtract(reduction.amount());
      }
    }
    if (late.signum() <= 0) {
      return;
    }
    Money debtLate = new Money(late, currency);
    FixedCompensation.of(terms.interest(), debtLate)
        .ifPresent(
            sum ->
                document.add(
                    ChargeLine.compensation(debt.invoiceId(), debtLate.amount(), sum.amount())));
  }

  private ChargeDocument document(
      Map<String, ChargeDocument> documents,
      long customerId,
      String currency,
      LocalDate date,
      Message message,
      OffsetDateTime now) {
    return document(documents, customerId, currency, date, message, now, message.policyId());
  }

  private static ChargeDocument document(
      Map<String, ChargeDocument> documents,
      long customerId,
      String currency,
      LocalDate date,
      Message message,
      OffsetDateTime now,
      long policyId) {
    return documents.computeIfAbsent(
        customerId + "/" + currency,
        key ->
            new ChargeDocument(
                customerId,
                currency,
                date,
                message == null ? policyId : message.policyId(),
                message == null ? null : message.id(),
                now));
  }

  /** The reminders queued on {@code date} under the policies {@code policyIds}. */
  private List<Message> messages(LocalDate date, String policyIds) {
    List<Message> messages = new ArrayList<>();
    for (Object found :
        em.createNativeQuery(
                """
                select m.id, m.customer_id, m.currency, m.policy_id, m.step_position
                  from outbox_message m
                 where m.status = 'QUEUED' and m.kind = 'REMINDER' and m.business_date = ?1
                   and m.policy_id in (%s)
                 order by m.id
                """
                    .formatted(policyIds))
            .setParameter(1, date)
            .getResultList()) {
      Object[] row = (Object[]) found;
      messages.add(
          new Message(
              ((Number) row[0]).longValue(),
              ((Number) row[1]).longValue(),
              (String) row[2],
              ((Number) row[3]).longValue(),
              row[4] == null ? null : ((Number) row[4]).intValue()));
    }
    return messages;
  }

  /** The overdue invoices the reminders queued on {@code date} under {@code policyIds} list. */
  private List<Debt> reminded(LocalDate date, String policyIds) {
    List<Debt> debts = new ArrayList<>();
    for (Object found :
        em.createNativeQuery(
                """
                select i.id, i.customer_id, i.currency, i.amount, i.due_date, m.policy_id, m.id
                  from outbox_message m
                  join invoice i on i.id = any(m.invoice_ids)
                 where m.status = 'QUEUED' and m.kind = 'REMINDER' and m.business_date = ?1
                   and m.policy_id in (%s)
                   and i.state = 'ISSUED' and i.due_date < ?1
                 order by i.id
                """
                    .formatted(policyIds))
            .setParameter(1, date)
            .getResultList()) {
      Object[] row = (Object[]) found;
      debts.add(
          new Debt(
              ((Number) row[0]).longValue(),
              ((Number) row[1]).longValue(),
              (String) row[2],
              new BigDecimal(row[3].toString()),
              date(row[4]),
              ((Number) row[5]).longValue(),
              ((Number) row[6]).longValue(),
              false,
              false));
    }
    return debts;
  }

  /**
   * The invoices charged interest before and now closed: paid (or credited) in full, or cancelled
   * or written off by the ERP ({@code gone}).
   */
  private List<Debt> closing() {
    List<Debt> debts = new ArrayList<>();
    for (Object found :
        em.createNativeQuery(
                """
                select i.id, i.customer_id, i.currency, i.amount, i.due_date, a.policy_id,
                       case when i.state = 'ISSUED' then 0 else 1 end
                  from charge_accrual a join invoice i on i.id = a.invoice_id
                 where a.closed = false and (i.state <> 'ISSUED' or i.allocated >= i.amount)
                 order by i.id
                """)
            .getResultList()) {
      Object[] row = (Object[]) found;
      debts.add(
          new Debt(
              ((Number) row[0]).longValue(),
              ((Number) row[1]).longValue(),
              (String) row[2],
              new BigDecimal(row[3].toString()),
              date(row[4]),
              ((Number) row[5]).longValue(),
              null,
              true,
              ((Number) row[6]).intValue() == 1));
    }
    return debts;
  }

  private Map<Long, InterestAccrual> accruals(List<Long> invoiceIds) {
    Map<Long, InterestAccrual> accruals = new HashMap<>();
    for (List<Long> chunk : chunks(invoiceIds)) {
      em.createQuery(
              "select a from InterestAccrual a where a.invoiceId in :ids", InterestAccrual.class)
          .setParameter("ids", chunk)
          .getResultList()
          .forEach(a -> accruals.put(a.getInvoiceId(), a));
    }
    return accruals;
  }

  /** The payments (by their date) and credit notes (by their issue date) applied to each. */
  private Map<Long, List<LateInterest.Reduction>> reductions(List<Long> invoiceIds) {
    Map<Long, List<LateInterest.Reduction>> reductions = new HashMap<>();
    for (List<Long> chunk : chunks(invoiceIds)) {
      String ids = idList(chunk);
      for (Object found :
          em.createNativeQuery(
                  """
                  select a.invoice_id, p.payment_date, a.amount
                    from payment_allocation a join payment p on p.id = a.payment_id
                   where a.invoice_id in (%s)
                  union all
                  select a.invoice_id, n.issue_date, a.amount
                    from credit_allocation a join credit_note n on n.id = a.credit_note_id
                   where a.invoice_id in (%s)
                  """
                      .formatted(ids, ids))
              .getResultList()) {
        Object[] row = (Object[]) found;
        reductions
            .computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
            .add(new LateInterest.Reduction(date(row[1]), new BigDecimal(row[2].toString())));
      }
    }
    return reductions;
  }

  /** The invoices whose fixed compensation was charged already. */
  private Set<Long> compensated(List<Long> invoiceIds) {
    Set<Long> compensated = new HashSet<>();
    for (List<Long> chunk : chunks(invoiceIds)) {
      String ids = idList(chunk);
      for (Object found :
          em.createNativeQuery(
                  "select invoice_id from charge_line where kind = 'COMPENSATION'"
                      + " and invoice_id in (%s)".formatted(ids))
              .getResultList()) {
        compensated.add(((Number) found).longValue());
      }
    }
    return compensated;
  }

  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = new ArrayList<>(new LinkedHashSet<>(ids));
    List<List<Long>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += CHUNK) {
      chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
    }
    return chunks;
  }
}
