package app.courtesy.web.invoices;

import app.courtesy.invoice.InvoiceListing;
import app.courtesy.invoice.InvoiceListing.Counted;
import app.courtesy.invoice.InvoiceListing.Filter;
import app.courtesy.invoice.InvoiceListing.Row;
import app.courtesy.invoice.InvoiceListing.Search;
import app.courtesy.invoice.InvoiceListing.Show;
import app.courtesy.invoice.InvoiceListing.Sort;
import app.courtesy.web.CountedDataModel;
import app.courtesy.web.PageReport;
import app.courtesy.web.export.ListDownload;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backs {@code invoices/index.xhtml}: every invoice, paged, sorted and filtered in the database.
 * Filters come from the toolbar (search text, currency, which invoices); sorting from the column
 * headers.
 */
@Named
@ViewScoped
public class InvoiceListBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private transient InvoiceListing listing;
  @Inject private transient ListDownload download;

  private String text;
  private String currency;
  private Show show = Show.OPEN;
  private long count;
  private Sort sort = Sort.DUE_DATE;
  private boolean ascending = true;

  private static final String TABLE = ":invoices:table";

  /**
   * The search the table counted, which the page it loads next in the same request reads: the
   * customers a word matches are looked up once per request, not once per statement, and the first
   * invoices it matches, which the count read, are not looked for again.
   */
  private transient Search counted;

  private final CountedDataModel<Row> invoices =
      new CountedDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          Counted matched = listing.counted(listing.search(filter()));
          counted = matched.search();
          count = matched.count();
          return Math.toIntExact(count);
        }

        @Override
        protected List<Row> page(int first, int pageSize, Map<String, SortMeta> sortBy) {
          SortMeta by = sortBy.values().stream().findFirst().orElse(null);
          sort = by == null ? Sort.DUE_DATE : Sort.valueOf(by.getField());
          ascending = by == null || by.getOrder().isAscending();
          Search search =
              counted != null && counted.filter().equals(filter())
                  ? counted
                  : listing.search(filter());
          counted = null;
          return listing.page(search, sort, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(Row row) {
          return String.valueOf(row.id());
        }
      };

  /** A filter changed: show its first page. */
  public void filterChanged() {
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
    table.setFirst(0);
  }

  /** Downloads the invoices the list shows, every page, as {@code csv} or {@code xlsx}. */
  public void export(String format) throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("format", format);
    parameters.put("text", text);
    parameters.put("currency", currency);
    parameters.put("show", show.name());
    parameters.put("sort", sort.name());
    parameters.put("order", ascending ? "asc" : "desc");
    download.start("/invoices/export", parameters);
  }

  /** The currencies invoices exist in, for the currency filter. */
  public List<String> getCurrencies() {
    return listing.currencies();
  }

  private Filter filter() {
    return new Filter(text, currency, show);
  }

  public String getPageReport() {
    return PageReport.of(count, InvoiceListing.countLimit(filter()));
  }

  public LazyDataModel<Row> getInvoices() {
    return invoices;
  }

  public Show[] getShows() {
    return Show.values();
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public Show getShow() {
    return show;
  }

  public void setShow(Show show) {
    this.show = show;
  }
}
