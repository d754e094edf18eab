package app.courtesy.invoice;

import java.util.Map;

/**
 * Where {@link InvoiceService} reports what the ERP now says about invoices being disputed. The
 * upsert never writes {@code invoice.disputed}: the disputes do ({@code
 * app.courtesy.collection.Disputes} implements this), so the ERP opens and ends disputes of its own
 * and never ends a collector's. Declared here so that invoices need not know the collection
 * package.
 */
public interface DisputeFeed {

  /**
   * The ERP's word changed: {@code true} for invoices it now sends as disputed, {@code false} for
   * those it sends as no longer disputed. Called in the upsert's transaction, after the invoices
   * are persisted.
   */
  void reported(Map<Invoice, Boolean> disputedByErp);
}
