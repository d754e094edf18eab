package app.courtesy.payment;

import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceAllocation;
import app.courtesy.shared.Money;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** The part of a payment applied to one invoice. */
@Entity
@Table(name = "payment_allocation")
public class PaymentAllocation extends InvoiceAllocation {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "payment_allocation_seq")
  @SequenceGenerator(
      name = "payment_allocation_seq",
      sequenceName = "payment_allocation_seq",
      allocationSize = 50)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "payment_id")
  private Payment payment;

  protected PaymentAllocation() {}

  PaymentAllocation(Payment payment, Invoice invoice, Money amount) {
    super(invoice, amount);
    this.payment = payment;
  }
}
