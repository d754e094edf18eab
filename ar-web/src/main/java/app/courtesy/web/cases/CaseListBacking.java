package app.courtesy.web.cases;

import app.courtesy.collection.CaseStatus;
import app.courtesy.collection.Worklist;
import app.courtesy.collection.Worklist.Filter;
import app.courtesy.collection.Worklist.Row;
import app.courtesy.collection.Worklist.Sort;
import app.courtesy.invoice.InvoiceListing;
import app.courtesy.security.Role;
import app.courtesy.security.UserAccountRepository;
import app.courtesy.security.UserAccountRepository.Collector;
import app.courtesy.web.CountedDataModel;
import app.courtesy.web.PageReport;
import app.courtesy.web.export.ListDownload;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backs {@code cases/index.xhtml}, the worklist: open cases paged, sorted and filtered in the
 * database, highest priority first, each with why it ranks there. A collector starts on their own
 * cases, approvers and administrators on everyone's.
 */
@Named
@ViewScoped
public class CaseListBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String TABLE = ":cases:table";

  @Inject private transient Worklist worklist;
  @Inject private transient InvoiceListing invoices;
  @Inject private transient UserAccountRepository accounts;
  @Inject private transient SecurityContext security;
  @Inject private transient Clock clock;
  @Inject private transient ListDownload download;

  private String text;
  private String collector;
  private List<String> statuses = List.of();
  private String country;
  private String currency;
  private BigDecimal minAmount;
  private BigDecimal maxAmount;
  private boolean promiseDueToday;
  private boolean needsCall;
  private boolean customerRequests;
  private boolean repliesToAnswer;
  private long count;
  private Sort sort = Sort.PRIORITY;
  private boolean ascending;
  private List<Collector> collectors;

  private final CountedDataModel<Row> cases =
      new CountedDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          count = worklist.count(filter(), today());
          return Math.toIntExact(count);
        }

        @Override
        protected List<Row> page(int first, int pageSize, Map<String, SortMeta> sortBy) {
          SortMeta by = sortBy.values().stream().findFirst().orElse(null);
          sort = by == null ? Sort.PRIORITY : Sort.valueOf(by.getField());
          ascending = by != null && by.getOrder().isAscending();
          return worklist.page(filter(), today(), sort, ascending, first, pageSize);
        }

        @Override
        public String getRowKey(Row row) {
          return String.valueOf(row.caseId());
        }
      };

  /** A collector sees their own cases first; everyone else sees all. */
  @PostConstruct
  void start() {
    collector = ownCasesOnly(security);
  }

  /**
   * Whose cases the caller starts on and may export: a collector who is neither approver nor
   * administrator their own (their username), everyone else anyone's (empty).
   */
  public static String ownCasesOnly(SecurityContext security) {
    boolean onlyCollector =
        security.isCallerInRole(Role.COLLECTOR_ID)
            && !security.isCallerInRole(Role.APPROVER_ID)
            && !security.isCallerInRole(Role.ADMIN_ID);
    return onlyCollector ? security.getCallerPrincipal().getName() : "";
  }

  /** A filter changed: show its first page. */
  public void filterChanged() {
    DataTable table =
        (DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(TABLE);
    table.setFirst(0);
  }

  /**
   * Downloads the cases the list shows, every page, as {@code csv} or {@code xlsx}; a collector's
   * export holds their own cases only.
   */
  public void export(String format) throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("format", format);
    parameters.put("text", text);
    parameters.put("collector", collector);
    parameters.put("status", String.join(",", statuses));
    parameters.put("country", country);
    parameters.put("currency", currency);
    parameters.put("min", minAmount == null ? null : minAmount.toPlainString());
    parameters.put("max", maxAmount == null ? null : maxAmount.toPlainString());
    parameters.put("promiseDueToday", String.valueOf(promiseDueToday));
    parameters.put("needsCall", String.valueOf(needsCall));
    parameters.put("customerRequests", String.valueOf(customerRequests));
    parameters.put("repliesToAnswer", String.valueOf(repliesToAnswer));
    parameters.put("sort", sort.name());
    parameters.put("order", ascending ? "asc" : "desc");
    download.start("/cases/export", parameters);
  }

  private Filter filter() {
    return new Filter(
        text,
        collector,
        statuses.stream().map(CaseStatus::valueOf).collect(Collectors.toSet()),
        country,
        currency,
        minAmount,
        maxAmount,
        promiseDueToday,
        needsCall,
        customerRequests,
        repliesToAnswer);
  }

  private LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Why the row's case ranks where it does, in the reader's words. */
  public String why(Row row) {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return row.figures().why(today(), locale);
  }

  public long daysLate(Row row) {
    return row.figures().daysLate(today());
  }

  /** The active collectors, for the collector filter, as they were when the page opened. */
  public List<Collector> getCollectors() {
    if (collectors == null) {
      collectors = accounts.activeCollectors();
    }
    return collectors;
  }

  public String getPageReport() {
    return PageReport.of(count);
  }

  public List<String> getCurrencies() {
    return invoices.currencies();
  }

  public CaseStatus[] getStatusChoices() {
    return EnumSet.complementOf(EnumSet.of(CaseStatus.CLOSED)).toArray(CaseStatus[]::new);
  }

  public LazyDataModel<Row> getCases() {
    return cases;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getCollector() {
    return collector;
  }

  public void setCollector(String collector) {
    this.collector = collector;
  }

  /** The statuses to show, by name; none chosen shows every open case. */
  public List<String> getStatuses() {
    return statuses;
  }

  public void setStatuses(List<String> statuses) {
    this.statuses = statuses == null ? List.of() : List.copyOf(statuses);
  }

  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  public BigDecimal getMinAmount() {
    return minAmount;
  }

  public void setMinAmount(BigDecimal minAmount) {
    this.minAmount = minAmount;
  }

  public BigDecimal getMaxAmount() {
    return maxAmount;
  }

  public void setMaxAmount(BigDecimal maxAmount) {
    this.maxAmount = maxAmount;
  }

  public boolean isPromiseDueToday() {
    return promiseDueToday;
  }

  public void setPromiseDueToday(boolean promiseDueToday) {
    this.promiseDueToday = promiseDueToday;
  }

  public boolean isNeedsCall() {
    return needsCall;
  }

  public boolean isRepliesToAnswer() {
    return repliesToAnswer;
  }

  public void setRepliesToAnswer(boolean repliesToAnswer) {
    this.repliesToAnswer = repliesToAnswer;
  }

  public boolean isCustomerRequests() {
    return customerRequests;
  }

  public void setCustomerRequests(boolean customerRequests) {
    this.customerRequests = customerRequests;
  }

  public void setNeedsCall(boolean needsCall) {
    this.needsCall = needsCall;
  }
}
