package app.courtesy.arrangement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** An invoice an arrangement covers, with what it had open when the arrangement was proposed. */
@Embeddable
public class CoveredInvoice {

  @Column(name = "invoice_id", nullable = false)
  private long invoiceId;

  @Column(name = "open_amount", nullable = false)
  private BigDecimal openAmount;

  protected CoveredInvoice() {}

  CoveredInvoice(long invoiceId, BigDecimal openAmount) {
    this.invoiceId = invoiceId;
    this.openAmount = openAmount;
  }

  public long getInvoiceId() {
    return invoiceId;
  }

  public BigDecimal getOpenAmount() {
    return openAmount;
  }
}
