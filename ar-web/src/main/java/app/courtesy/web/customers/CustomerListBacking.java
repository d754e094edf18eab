package app.courtesy.web.customers;

import app.courtesy.customer.CustomerListing;
import app.courtesy.customer.CustomerListing.Row;
import app.courtesy.customer.CustomerListing.Sort;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
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

  private String text;

  private final LazyDataModel<Row> customers =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return Math.toIntExact(listing.count(text));
        }

        @Override
        public List<Row> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
          Sort column = sort == null ? Sort.NAME : Sort.valueOf(sort.getField());
          boolean ascending = sort == null || sort.getOrder().isAscending();
          return listing.page(text, column, ascending, first, pageSize);
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
