package app.courtesy.web.customers;

import app.courtesy.customer.CustomerListing;
import app.courtesy.customer.CustomerListing.Row;
import app.courtesy.customer.CustomerListing.Sort;
import app.courtesy.web.CountedDataModel;
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

/** Backs {@code customers/index.xhtml}: customers with their balances, paged in the database. */
@Named
@ViewScoped
public class CustomerListBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String TABLE = ":customers:table";

  @Inject private transient CustomerListing listing;
  @Inject private transient ListDownload download;

  private String text;
  private Sort sort = Sort.NAME;
  private boolean ascending = true;

  private final CountedDataModel<Row> customers =
      new CountedDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return Math.toIntExact(listing.count(text));
        }

        @Override
        protected List<Row> page(int first, int pageSize, Map<String, SortMeta> sortBy) {
          SortMeta by = sortBy.values().stream().findFirst().orElse(null);
          sort = by == null ? Sort.NAME : Sort.valueOf(by.getField());
          ascending = by == null || by.getOrder().isAscending();
          return listing.page(text, sort, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(Row row) {
          return String.valueOf(row.id());
        }
      };

  /** The search changed: show its first page. */
  public void filterChanged() {
    ((DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE)).setFirst(0);
  }

  /** Downloads the customers the list shows, every page, as {@code csv} or {@code xlsx}. */
  public void export(String format) throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("format", format);
    parameters.put("text", text);
    parameters.put("sort", sort.name());
    parameters.put("order", ascending ? "asc" : "desc");
    download.start("/customers/export", parameters);
  }

  public LazyDataModel<Row> getCustomers() {
    return customers;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
