package app.courtesy.credit;

import app.courtesy.invoice.Invoice;
import app.courtesy.shared.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Currency;

/** The part of a credit note applied to one invoice, in the credit note's currency. */
@Entity
@Table(name = "credit_allocation")
public class CreditAllocation {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "credit_allocation_seq")
  @SequenceGenerator(
      name = "credit_allocation_seq",
      sequenceName = "credit_allocation_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "credit_note_id")
  private CreditNote creditNote;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;

  @Column(nullable = false, length = 3)
  private String currency;

  @Column(nullable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  protected CreditAllocation() {}

  CreditAllocation(CreditNote creditNote, Invoice invoice, Money amount) {
    if (!amount.currency().equals(invoice.getAmount().currency())) {
      throw new IllegalArgumentException(
          "Invoice " + invoice.getNumber() + " is in " + invoice.getAmount().currency());
    }
    this.creditNote = creditNote;
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
