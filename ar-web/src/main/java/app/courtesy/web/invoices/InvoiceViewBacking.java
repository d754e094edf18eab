package app.courtesy.web.invoices;

import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.InvoiceRepository;
import app.courtesy.invoice.InvoiceRepository.Applied;
import app.courtesy.invoice.InvoiceStatus;
import app.courtesy.shared.Money;
import app.courtesy.web.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs {@code invoices/view.xhtml?number=…}: one invoice and what was applied to it. */
@Named
@RequestScoped
public class InvoiceViewBacking {

  @Inject private InvoiceRepository invoices;

  private String number;
  private Invoice invoice;
  private List<Applied> applied;

  /** View action: loads the invoice named by the {@code number} parameter. */
  public void load() {
    invoice = number == null ? null : invoices.findByNumber(number.strip()).orElse(null);
    if (invoice == null) {
      Pages.notFound();
      return;
    }
    applied = invoices.applied(invoice);
  }

  public Money getOpen() {
    return applied.stream().map(Applied::amount).reduce(invoice.getAmount(), Money::minus);
  }

  public InvoiceStatus getStatus() {
    return InvoiceStatus.of(
        invoice.getState(), invoice.isDisputed(), invoice.getAmount(), getOpen());
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public Invoice getInvoice() {
    return invoice;
  }

  public List<Applied> getApplied() {
    return applied;
  }
}
