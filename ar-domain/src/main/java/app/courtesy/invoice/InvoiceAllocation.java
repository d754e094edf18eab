package app.courtesy.invoice;

import app.courtesy.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount applied to one invoice, in the invoice's currency: the part of a payment or of a credit
 * note. What is open on an invoice is its amount less all of these.
 */
@MappedSuperclass
public abstract class InvoiceAllocation {

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  protected InvoiceAllocation() {}

  protected InvoiceAllocation(Invoice invoice, Money amount) {
    if (!amount.currency().equals(invoice.getAmount().currency())) {
      throw new IllegalArgumentException(
          "Invoice " + invoice.getNumber() + " is in " + invoice.getAmount().currency());
    }
    this.invoice = invoice;
    this.currency = amount.currency().getCurrencyCode();
    this.amount = amount.amount();
  }

  public Invoice getInvoice() {
    return invoice;
  }

  public Money getAmount() {
    return new Money(amount, Currency.getInstance(currency));
  }
}
