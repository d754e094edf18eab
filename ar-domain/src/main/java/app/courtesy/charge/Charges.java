package app.courtesy.charge;

import static app.courtesy.shared.SqlValues.idList;

import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.payment.Payment;
import app.courtesy.payment.PaymentRepository;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.SqlValues;
import app.courtesy.shared.validation.Plausible;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The charge documents: what a customer was charged and what is open, each document with its lines,
 * and their settlement.
 *
 * <p><b>How charges are paid.</b> Payments go to invoices (as named, else oldest due first): a
 * payment never settles a charge by itself. The ERP settles a charge by naming it: part of a
 * payment that is not applied to an invoice is allocated to the charge document ({@link #settle}),
 * once per payment and document. A credit document (corrections that outweigh the charges of a
 * date) is applied to the customer's open charges in its currency by itself.
 */
@ApplicationScoped
@Transactional
public class Charges {

  /** What a settlement did: the document as it stands, and whether it was recorded now. */
  public record Settled(ChargeView document, boolean created) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private PaymentRepository payments;
  @Inject private CustomerRepository customers;
  @Inject private Clock clock;

  /** The customer's charge documents, newest first. */
  public List<ChargeView> ofCustomer(long customerId) {
    return views(
        em.createQuery(
                "select d from ChargeDocument d where d.customerId = :customer"
                    + " order by d.businessDate desc, d.id desc",
                ChargeDocument.class)
            .setParameter("customer", customerId)
            .getResultList());
  }

  /** The customer's open documents (credits to apply included), oldest first: one read if none. */
  public List<ChargeView> openOf(long customerId) {
    return views(
        em.createQuery(
                "select d from ChargeDocument d where d.customerId = :customer"
                    + " and d.status = app.courtesy.charge.ChargeStatus.OPEN"
                    + " order by d.businessDate, d.id",
                ChargeDocument.class)
            .setParameter("customer", customerId)
            .getResultList());
  }

  /** What {@code documents} leave open, per currency (credits netted), by currency code. */
  public static List<Money> openIn(List<ChargeView> documents) {
    Map<String, Money> sums = new TreeMap<>();
    for (ChargeView document : documents) {
      if (document.status() == ChargeStatus.OPEN) {
        sums.merge(document.currency(), document.open(), Money::plus);
      }
    }
    return sums.values().stream().filter(m -> m.amount().signum() != 0).toList();
  }

  /** The document numbered {@code number}. */
  public Optional<ChargeView> find(String number) {
    return em.createQuery(
            "select d from ChargeDocument d where d.number = :number", ChargeDocument.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .map(d -> views(List.of(d)).get(0));
  }

  /** What the customer's open charges come to, per currency (credits netted), by currency code. */
  public List<Money> open(long customerId) {
    return sumOpen(
        em.createQuery(
                "select d from ChargeDocument d where d.customerId = :customer"
                    + " and d.status = app.courtesy.charge.ChargeStatus.OPEN",
                ChargeDocument.class)
            .setParameter("customer", customerId)
            .getResultList());
  }

  /** What the customer's open charges come to in {@code currency}, with the open documents. */
  List<ChargeDocument> openDocuments(long customerId, String currency) {
    return em.createQuery(
            "select d from ChargeDocument d where d.customerId = :customer"
                + " and d.currency = :currency and d.status = app.courtesy.charge.ChargeStatus.OPEN"
                + " order by d.businessDate, d.id",
            ChargeDocument.class)
        .setParameter("customer", customerId)
        .setParameter("currency", currency)
        .getResultList();
  }

  /**
   * Allocates {@code amount} of the payment the ERP knows as {@code paymentExternalId} to the
   * charge document {@code number}: from what of the payment no invoice and no other charge took.
   * Sending the same again changes nothing.
   *
   * @throws NotFoundException for an unknown document
   * @throws ChargesRefusedException naming each field that makes no sense (another customer's or
   *     currency's payment, more than is open or left of the payment, the same payment with another
   *     amount)
   */
  public Settled settle(String number, String paymentExternalId, BigDecimal amount, String by) {
    ChargeDocument document =
        em.createQuery(
                "select d from ChargeDocument d where d.number = :number", ChargeDocument.class)
            .setParameter("number", number)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> new NotFoundException("Charge", number));
    Customer customer = em.find(Customer.class, document.getCustomerId());
    customers.lockForAllocation(List.of(customer));
    em.refresh(document, LockModeType.PESSIMISTIC_WRITE);
    List<String> problems = new ArrayList<>();
    Payment payment =
        paymentExternalId == null
            ? null
            : payments.byExternalId(List.of(paymentExternalId)).get(paymentExternalId);
    if (payment == null) {
      problems.add(
          "payment: "
              + (paymentExternalId == null
                  ? "name the payment by its externalId"
                  : "no payment with externalId " + paymentExternalId));
    } else if (reversed(payment)) {
      problems.add("payment: " + paymentExternalId + " was reversed; it settles nothing");
    }
    String currency = document.getCurrency().getCurrencyCode();
    if (amount == null || amount.signum() <= 0) {
      problems.add("amount: must be more than zero");
    } else {
      Plausible.decimals(amount, currency).ifPresent(p -> problems.add("amount: " + p));
    }
    if (!problems.isEmpty()) {
      throw new ChargesRefusedException(problems);
    }
    Optional<ChargeSettlement> earlier =
        em.createQuery(
                "select s from ChargeSettlement s where s.document = :document"
                    + " and s.paymentId = :payment",
                ChargeSettlement.class)
            .setParameter("document", document)
            .setParameter("payment", payment.getId())
            .getResultStream()
            .findFirst();
    if (earlier.isPresent()) {
      if (earlier.get().getAmount().compareTo(amount) == 0) {
        return new Settled(views(List.of(document)).get(0), false);
      }
      throw new ChargesRefusedException(
          "payment: "
              + paymentExternalId
              + " settled "
              + new Money(earlier.get().getAmount(), document.getCurrency())
              + " of "
              + number
              + " already; a settlement does not change");
    }
    if (payment.getCustomer().getId().longValue() != document.getCustomerId()) {
      problems.add("payment: " + paymentExternalId + " is another customer's");
    } else if (!payment.getAmount().currency().equals(document.getCurrency())) {
      problems.add(
          "payment: "
              + paymentExternalId
              + " is in "
              + payment.getAmount().currency().getCurrencyCode()
              + ", the charge in "
              + currency);
    } else {
      Money left = payment.unapplied().minus(settledBy(payment));
      if (amount.compareTo(left.amount()) > 0) {
        problems.add(
            "amount: "
                + paymentExternalId
                + " has "
                + left
                + " that no invoice or charge took; settle at most that");
      }
    }
    if (document.isCredit()
        || document.getStatus() != ChargeStatus.OPEN
        || amount.compareTo(document.getOpen().amount()) > 0) {
      problems.add(
          "amount: "
              + number
              + (document.getStatus() != ChargeStatus.OPEN || document.isCredit()
                  ? " has nothing open"
                  : " has " + document.getOpen() + " open; settle at most that"));
    }
    if (!problems.isEmpty()) {
      throw new ChargesRefusedException(problems);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    document.settle(amount);
    em.persist(ChargeSettlement.byPayment(document, payment.getId(), amount, now, by));
    em.flush();
    return new Settled(views(List.of(document)).get(0), true);
  }

  /** A charge document a reversed payment had settled, open again by {@code amount}. */
  public record Reopened(String number, Money amount) {}

  /**
   * Takes back what the payment settled of charges, since it was reversed: each document it settled
   * is open again by that much. The settlements stay on the record; as of a date before the
   * reversal they still count.
   */
  public List<Reopened> unsettle(Payment payment) {
    List<Reopened> reopened = new ArrayList<>();
    for (ChargeSettlement settlement :
        em.createQuery(
                "select s from ChargeSettlement s where s.paymentId = :payment order by s.id",
                ChargeSettlement.class)
            .setParameter("payment", payment.getId())
            .getResultList()) {
      ChargeDocument document = settlement.getDocument();
      em.lock(document, LockModeType.PESSIMISTIC_WRITE);
      document.unsettle(settlement.getAmount());
      reopened.add(
          new Reopened(
              document.getNumber(), new Money(settlement.getAmount(), document.getCurrency())));
    }
    return reopened;
  }

  private boolean reversed(Payment payment) {
    return ((Number)
                em.createNativeQuery("select count(*) from receipt_reversal where payment_id = ?1")
                    .setParameter(1, payment.getId())
                    .getSingleResult())
            .intValue()
        > 0;
  }

  /** What of the payment charges took so far. */
  public Money settledBy(Payment payment) {
    Object sum =
        em.createNativeQuery(
                "select coalesce(sum(amount), 0) from charge_settlement where payment_id = ?1")
            .setParameter(1, payment.getId())
            .getSingleResult();
    return new Money(new BigDecimal(sum.toString()), payment.getAmount().currency());
  }

  /**
   * Applies the customer's open credits in {@code currency} to its open charges there, oldest
   * first, as far as they go.
   */
  void net(long customerId, String currency, String by, OffsetDateTime at) {
    List<ChargeDocument> open = openDocuments(customerId, currency);
    List<ChargeDocument> credits = open.stream().filter(ChargeDocument::isCredit).toList();
    if (credits.isEmpty()) {
      return;
    }
    List<ChargeDocument> charges = open.stream().filter(d -> !d.isCredit()).toList();
    for (ChargeDocument credit : credits) {
      for (ChargeDocument charge : charges) {
        BigDecimal left = credit.getOpen().amount().negate();
        BigDecimal due = charge.getOpen().amount();
        if (left.signum() <= 0) {
          break;
        }
        if (charge.getStatus() != ChargeStatus.OPEN || due.signum() <= 0) {
          continue;
        }
        BigDecimal applied = left.min(due);
        charge.settle(applied);
        credit.settle(applied);
        em.persist(ChargeSettlement.byCredit(charge, credit.getId(), applied, at, by));
      }
    }
  }

  private List<ChargeView> views(List<ChargeDocument> documents) {
    if (documents.isEmpty()) {
      return List.of();
    }
    Map<Long, String> invoiceNumbers = new HashMap<>();
    Map<Long, String[]> customerNames = new HashMap<>();
    List<Long> invoiceIds =
        documents.stream()
            .flatMap(d -> d.getLines().stream())
            .map(ChargeLine::getInvoiceId)
            .flatMap(Optional::stream)
            .distinct()
            .toList();
    if (!invoiceIds.isEmpty()) {
      for (Object found :
          em.createNativeQuery(
                  "select id, number from invoice where id in (" + idList(invoiceIds) + ")")
              .getResultList()) {
        Object[] row = (Object[]) found;
        invoiceNumbers.put(((Number) row[0]).longValue(), (String) row[1]);
      }
    }
    for (long customerId :
        documents.stream().map(ChargeDocument::getCustomerId).distinct().toList()) {
      Customer customer = em.find(Customer.class, customerId);
      customerNames.put(customerId, new String[] {customer.getNumber(), customer.getName()});
    }
    Map<Long, List<ChargeView.Settlement>> settlements = settlements(documents);
    List<ChargeView> views = new ArrayList<>();
    for (ChargeDocument d : documents) {
      Currency currency = d.getCurrency();
      List<ChargeView.Line> lines =
          d.getLines().stream()
              .map(
                  l ->
                      new ChargeView.Line(
                          l.getKind(),
                          l.getKind().label(),
                          l.getInvoiceId().map(invoiceNumbers::get).orElse(null),
                          l.getPeriodFrom(),
                          l.getPeriodTo(),
                          l.getBase() == null ? null : new Money(l.getBase(), currency),
                          l.getReferenceRate(),
                          l.getRate(),
                          l.getDays(),
                          l.getStepPosition() == null ? null : l.getStepPosition() + 1,
                          new Money(l.getAmount(), currency),
                          l.getNote()))
              .toList();
      String[] customer = customerNames.get(d.getCustomerId());
      views.add(
          new ChargeView(
              d.getNumber(),
              customer[0],
              customer[1],
              d.getBusinessDate(),
              currency.getCurrencyCode(),
              d.getTotal(),
              d.getSettled(),
              d.getOpen(),
              d.getStatus(),
              d.isCredit(),
              d.getMessageId().orElse(null),
              lines,
              settlements.getOrDefault(d.getId(), List.of()),
              d.getWaivedAmount()
                  .map(
                      w ->
                          new ChargeView.Waiver(
                              w,
                              d.getWaivedAt().orElse(null),
                              d.getWaivedBy().orElse(null),
                              d.getWaivedReason().orElse(null)))
                  .orElse(null)));
    }
    return views;
  }

  private Map<Long, List<ChargeView.Settlement>> settlements(Collection<ChargeDocument> documents) {
    Map<Long, List<ChargeView.Settlement>> settlements = new HashMap<>();
    String ids = idList(documents.stream().map(ChargeDocument::getId).toList());
    for (Object found :
        em.createNativeQuery(
                """
                select s.document_id, p.external_id, c.number, s.amount, s.settled_at,
                       s.settled_by, d.currency, s.credit_document_id, d.number, r.reversed_on
                  from charge_settlement s
                  join charge_document d on d.id = s.document_id
                  left join payment p on p.id = s.payment_id
                  left join receipt_reversal r on r.payment_id = s.payment_id
                  left join charge_document c on c.id = s.credit_document_id
                 where s.document_id in (%s) or s.credit_document_id in (%s)
                 order by s.settled_at, s.id
                """
                    .formatted(ids, ids))
            .getResultList()) {
      Object[] row = (Object[]) found;
      Money amount =
          new Money(new BigDecimal(row[3].toString()), Currency.getInstance((String) row[6]));
      OffsetDateTime at = OffsetDateTime.ofInstant(SqlValues.instant(row[4]), ZoneOffset.UTC);
      settlements
          .computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
          .add(
              new ChargeView.Settlement(
                  (String) row[1],
                  (String) row[2],
                  amount,
                  at,
                  (String) row[5],
                  row[9] == null ? null : SqlValues.date(row[9])));
      if (row[7] != null) {
        settlements
            .computeIfAbsent(((Number) row[7]).longValue(), k -> new ArrayList<>())
            .add(
                new ChargeView.Settlement(
                    null, (String) row[8], amount, at, (String) row[5], null));
      }
    }
    return settlements;
  }

  private static List<Money> sumOpen(List<ChargeDocument> documents) {
    Map<String, Money> sums = new TreeMap<>();
    for (ChargeDocument document : documents) {
      sums.merge(document.getCurrency().getCurrencyCode(), document.getOpen(), Money::plus);
    }
    return sums.values().stream()
        .filter(m -> m.amount().signum() != 0)
        .sorted(Comparator.comparing(m -> m.currency().getCurrencyCode()))
        .toList();
  }
}
