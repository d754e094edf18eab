package app.courtesy.credit;

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

/** The part of a credit note applied to one invoice. */
@Entity
@Table(name = "credit_allocation")
public class CreditAllocation extends InvoiceAllocation {

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

  protected CreditAllocation() {}

  CreditAllocation(CreditNote creditNote, Invoice invoice, Money amount) {
    super(invoice, amount);
    this.creditNote = creditNote;
  }
}
