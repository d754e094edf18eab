package app.courtesy.web.customers;

import app.courtesy.credit.CreditNote;
import app.courtesy.credit.CreditNoteService;
import app.courtesy.credit.CustomerCredit;
import app.courtesy.credit.RefundTerms;
import app.courtesy.customer.Customer;
import app.courtesy.invoice.CreditItem;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.payment.Payment;
import app.courtesy.reversal.Reversal;
import app.courtesy.reversal.ReversalKind;
import app.courtesy.reversal.ReversalService;
import app.courtesy.reversal.ReversalTerms;
import app.courtesy.security.Role;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotAllowedException;
import app.courtesy.web.DialogAction;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Backs the customer page's money taken back and money to give back (the case page shows the
 * payments' standing through it too): a payment reversed, a credit note cancelled (an approver or
 * administrator, with a reason; the server checks the role), the unapplied credit line by line,
 * refunded or applied to open invoices oldest due first.
 */
@Named
@ViewScoped
public class CustomerCreditBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int LATEST_CREDIT_NOTES = 10;

  @Inject private transient CustomerViewBacking page;
  @Inject private transient ReversalService reversals;
  @Inject private transient CustomerCredit credit;
  @Inject private transient CreditNoteService creditNotes;
  @Inject private transient LedgerAsOf ledger;
  @Inject private transient SecurityContext security;
  @Inject private transient Clock clock;

  private transient List<CreditItem> credits;
  private transient List<CreditNote> notes;
  private transient List<Reversal> taken;

  /** The payment or credit note the dialog takes back, by external id, and its description. */
  private String externalId;

  private String receipt;
  private ReversalKind kind;
  private LocalDate date;
  private String reason;

  private BigDecimal refundAmount;
  private String refundCurrency;
  private String refundReference;

  /** Whether the person may take money back or pay it out: approvers and administrators. */
  public boolean isMayReverse() {
    return security.isCallerInRole(Role.APPROVER_ID) || security.isCallerInRole(Role.ADMIN_ID);
  }

  /** The unapplied credit today, line by line: receipts not applied (negative), refunds. */
  public List<CreditItem> getCredits() {
    if (credits == null) {
      credits = ledger.credits(page.getCustomer(), LocalDate.now(clock));
    }
    return credits;
  }

  /** The credit per currency, negative, as one line: "−€100.00". */
  public List<Money> getCreditTotals() {
    return getCredits().stream()
        .collect(
            Collectors.toMap(
                c -> c.amount().currency(), CreditItem::amount, Money::plus, LinkedHashMap::new))
        .values()
        .stream()
        .filter(m -> m.amount().signum() != 0)
        .toList();
  }

  public List<CreditNote> getCreditNotes() {
    if (notes == null) {
      notes = creditNotes.latestFor(page.getCustomer(), LATEST_CREDIT_NOTES);
    }
    return notes;
  }

  /** The payment's reversal, or null while it stands; on any page that lists payments. */
  public Reversal reversalOf(Payment payment) {
    return taken(payment.getCustomer()).stream()
        .filter(r -> payment.getId().equals(r.getPaymentId()))
        .findFirst()
        .orElse(null);
  }

  /** The credit note's cancellation, or null while it stands. */
  public Reversal cancellationOf(CreditNote note) {
    return taken(note.getCustomer()).stream()
        .filter(r -> note.getId().equals(r.getCreditNoteId()))
        .findFirst()
        .orElse(null);
  }

  private List<Reversal> taken(Customer customer) {
    if (taken == null) {
      taken = reversals.ofCustomer(customer);
    }
    return taken;
  }

  /** The reasons a payment is reversed for, for the dialog. */
  public List<ReversalKind> getPaymentReasons() {
    return Arrays.stream(ReversalKind.values()).filter(ReversalKind::forPayments).toList();
  }

  /** Opens the reversal dialog for the payment. */
  public void startReversal(Payment payment) {
    start(
        payment.getExternalId(),
        "Payment "
            + Objects.requireNonNullElse(payment.getReference(), payment.getExternalId())
            + " of "
            + payment.getAmount().format(Locale.UK)
            + " received on "
            + payment.getPaymentDate());
  }

  /** Opens the cancellation dialog for the credit note. */
  public void startCancellation(CreditNote note) {
    start(
        note.getExternalId(),
        "Credit note "
            + note.getNumber()
            + " of "
            + note.getAmount().format(Locale.UK)
            + " issued on "
            + note.getIssueDate());
    kind = ReversalKind.CANCELLED;
  }

  private void start(String externalId, String receipt) {
    this.externalId = externalId;
    this.receipt = receipt;
    kind = null;
    date = LocalDate.now(clock);
    reason = null;
  }

  /** Reverses the payment the dialog shows; the page then shows the invoices open again. */
  public void reverse() {
    DialogAction.run(
        "reversal",
        () -> {
          requireMayReverse();
          ReversalService.Reversed done =
              reversals.reversePayment(externalId, new ReversalTerms(kind, date, reason), user());
          return said(done, "reversed");
        },
        this::reload);
  }

  /** Cancels the credit note the dialog shows. */
  public void cancel() {
    DialogAction.run(
        "cancellation",
        () -> {
          requireMayReverse();
          ReversalService.Reversed done =
              reversals.cancelCreditNote(externalId, new ReversalTerms(null, date, reason), user());
          return said(done, "cancelled");
        },
        this::reload);
  }

  private static String said(ReversalService.Reversed done, String what) {
    return done.receipt()
        + " "
        + what
        + "."
        + (done.reopened().isEmpty()
            ? " It was not applied to an invoice; the unapplied credit is lower."
            : " Open again: "
                + done.reopened().stream()
                    .map(r -> r.invoiceNumber() + " (" + r.amount().format(Locale.UK) + ")")
                    .collect(Collectors.joining(", "))
                + "; reminders resume where they were.");
  }

  /** Opens the refund dialog with the whole credit of the customer's currency. */
  public void startRefund() {
    Money whole =
        getCreditTotals().stream().findFirst().orElse(Money.zero(page.getCustomer().getCurrency()));
    refundAmount = whole.amount().negate().max(BigDecimal.ZERO);
    refundCurrency = whole.currency().getCurrencyCode();
    refundReference = null;
    date = LocalDate.now(clock);
    reason = null;
  }

  /** Records the refund the dialog describes. */
  public void refund() {
    DialogAction.run(
        "refund",
        () -> {
          requireMayReverse();
          CustomerCredit.Refunded done =
              credit.refund(
                  page.getCustomer().getNumber(),
                  new RefundTerms(
                      null, refundAmount, refundCurrency, date, refundReference, reason),
                  user());
          return "Refund of "
              + done.amount().format(Locale.UK)
              + " recorded; credit left "
              + done.left().format(Locale.UK)
              + ".";
        },
        this::reload);
  }

  /** Applies the unapplied credit to the open invoices, oldest due first. */
  public void settle() {
    DialogAction.runInForm(
        "credit-form",
        () -> {
          List<CustomerCredit.Applied> applied =
              credit.settle(page.getCustomer().getNumber(), user()).applied();
          return applied.isEmpty()
              ? "No open invoice to apply the credit to."
              : "Credit applied to "
                  + applied.stream()
                      .map(a -> a.invoiceNumber() + " (" + a.amount().format(Locale.UK) + ")")
                      .collect(Collectors.joining(", "))
                  + ".";
        },
        this::reload);
  }

  private void requireMayReverse() {
    if (!isMayReverse()) {
      throw new NotAllowedException(
          "Only an approver or an administrator takes money back or pays it out.");
    }
  }

  private String user() {
    return security.getCallerPrincipal().getName();
  }

  private void reload() {
    page.load();
    credits = null;
    notes = null;
    taken = null;
  }

  public String getReceipt() {
    return receipt;
  }

  public ReversalKind getKind() {
    return kind;
  }

  public void setKind(ReversalKind kind) {
    this.kind = kind;
  }

  public LocalDate getDate() {
    return date;
  }

  public void setDate(LocalDate date) {
    this.date = date;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public BigDecimal getRefundAmount() {
    return refundAmount;
  }

  public void setRefundAmount(BigDecimal refundAmount) {
    this.refundAmount = refundAmount;
  }

  public String getRefundCurrency() {
    return refundCurrency;
  }

  public String getRefundReference() {
    return refundReference;
  }

  public void setRefundReference(String refundReference) {
    this.refundReference = refundReference;
  }
}
