package app.courtesy.testing;

import app.courtesy.customer.Customer;
import app.courtesy.invoice.InstalmentData;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceData;
import app.courtesy.invoice.InvoiceExceptions;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.InvoiceService;
import app.courtesy.reminder.PolicyData;
import app.courtesy.reminder.ReminderPolicy;
import app.courtesy.reminder.ReminderPolicyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Writes what a test of payment schedules and per-invoice exceptions needs, as the ERP and a
 * collector would: an invoice with its instalments sent over the invoice feed, chasing stopped and
 * resumed, an invoice moved to a policy of its own, a policy with minimums per step.
 */
@ApplicationScoped
@Transactional
public class TestExceptions {

  @Inject private InvoiceService invoices;
  @Inject private InvoiceRepository repository;
  @Inject private InvoiceExceptions exceptions;
  @Inject private ReminderPolicyService policies;

  /** An invoice the ERP sends with its schedule; due on its last instalment's date. */
  public Invoice scheduled(
      Customer customer, LocalDate issued, String amount, List<InstalmentData> schedule) {
    String number = "S-" + UUID.randomUUID().toString().substring(0, 13);
    LocalDate due =
        schedule.get(schedule.size() - 1).dueDate() != null
            ? schedule.get(schedule.size() - 1).dueDate()
            : issued.plusDays(schedule.get(schedule.size() - 1).days());
    invoices.upsert(
        List.of(
            new InvoiceData(
                number,
                number,
                customer.getNumber(),
                issued,
                due,
                customer.getCurrency().getCurrencyCode(),
                new BigDecimal(amount),
                null,
                null,
                null,
                null,
                schedule)));
    return repository.findByNumber(number).orElseThrow();
  }

  /** A collector stops chasing {@code invoice} until {@code until} (null: until resumed). */
  public void stop(Invoice invoice, String reason, LocalDate until) {
    exceptions.stopChasing(invoice.getNumber(), reason, until, version(invoice), "collector");
  }

  /** A collector moves {@code invoice} to {@code policy}. */
  public void follow(Invoice invoice, ReminderPolicy policy) {
    exceptions.followPolicy(invoice.getNumber(), policy.getId(), version(invoice), "collector");
  }

  /**
   * A policy of its own named after {@code name}, as {@code data} says: created, then revised, each
   * in its own transaction as an editor does.
   */
  @Transactional(TxType.NEVER)
  public ReminderPolicy policy(String name, PolicyData data) {
    ReminderPolicy policy =
        policies.create(
            name + " " + UUID.randomUUID().toString().substring(0, 8),
            policies.defaultPolicy().getId(),
            "test");
    return policies.revise(policy.getId(), data, policy.getVersion(), "test");
  }

  private long version(Invoice invoice) {
    return repository.findByNumber(invoice.getNumber()).orElseThrow().getVersion();
  }
}
