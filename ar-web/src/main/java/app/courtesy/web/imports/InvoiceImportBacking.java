package app.courtesy.web.imports;

import app.courtesy.importing.CsvTable;
import app.courtesy.importing.ImportJobs;
import app.courtesy.importing.ImportMappings;
import app.courtesy.importing.ImportMode;
import app.courtesy.importing.ImportReport;
import app.courtesy.importing.InvoiceImport;
import app.courtesy.importing.InvoiceMapping;
import app.courtesy.shared.BusinessException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.stream.IntStream;
import org.primefaces.event.FileUploadEvent;

/**
 * Backs {@code imports/invoices.xhtml}: upload a CSV file, map its columns (or pick a saved
 * mapping), look at the first rows, import with a progress bar, read the report.
 */
@Named
@ViewScoped
public class InvoiceImportBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PREVIEW_ROWS = 5;

  @Inject private transient ImportMappings mappings;
  @Inject private transient ImportJobs jobs;
  @Inject private FacesContext faces;

  private byte[] file;
  private String fileName;
  private List<String> header = List.of();
  private List<List<String>> preview = List.of();
  private int rowCount;

  private List<String> savedMappings;
  private String savedMapping;
  private String saveAs;

  private String invoiceNumber;
  private String customerNumber;
  private String issueDate;
  private String dueDate;
  private String amount;
  private String currency;
  private String defaultCurrency;
  private String externalId;
  private String reference;
  private String disputed;
  private String settledDate;
  private String delivery;
  private String datePattern = "yyyy-MM-dd";
  private boolean decimalComma;
  private boolean validRowsOnly;

  private String jobId;
  private ImportReport report;
  private String failure;

  @PostConstruct
  void init() {
    savedMappings = mappings.names();
  }

  public void upload(FileUploadEvent event) {
    byte[] content = event.getFile().getContent();
    report = null;
    failure = null;
    try {
      CsvTable table = CsvTable.parse(content);
      file = content;
      fileName = event.getFile().getFileName();
      header = table.header();
      rowCount = table.lines().size();
      preview = table.lines().stream().limit(PREVIEW_ROWS).map(CsvTable.Line::cells).toList();
    } catch (BusinessException unreadable) {
      file = null;
      header = List.of();
      preview = List.of();
      error(unreadable.getMessage());
    }
  }

  /** Fills the column choices from the saved mapping picked. */
  public void applySavedMapping() {
    if (savedMapping == null) {
      return;
    }
    mappings.find(savedMapping).ifPresent(this::fill);
  }

  public void saveMapping() {
    try {
      mappings.save(saveAs, mapping(), faces.getExternalContext().getRemoteUser());
      savedMappings = mappings.names();
      savedMapping = saveAs.strip();
      info("Mapping \"" + savedMapping + "\" saved.");
    } catch (jakarta.validation.ConstraintViolationException invalid) {
      // A date pattern that is no date pattern is refused here, not on every import.
      invalid.getConstraintViolations().stream()
          .filter(v -> v.getPropertyPath().toString().endsWith("datePattern"))
          .findFirst()
          .ifPresentOrElse(
              pattern -> error("Date pattern " + pattern.getMessage() + "."),
              () -> error("Name the mapping and choose a column for every required field."));
    }
  }

  public void startImport() {
    report = null;
    failure = null;
    jobId =
        jobs.start(
            file,
            mapping(),
            validRowsOnly ? ImportMode.VALID_ROWS_ONLY : ImportMode.ALL_OR_NOTHING);
  }

  /** The progress bar's value, 0 to 100. */
  public int getProgress() {
    return status().map(ImportJobs.Status::percent).orElse(0);
  }

  public String getStep() {
    return status().map(ImportJobs.Status::step).orElse("");
  }

  /** Called when the progress bar reaches 100: takes the report. */
  public void finished() {
    status()
        .filter(ImportJobs.Status::isFinished)
        .ifPresent(
            done -> {
              report = done.report();
              failure = done.error();
              jobs.forget(jobId);
              jobId = null;
            });
  }

  public boolean isRunning() {
    return jobId != null;
  }

  private java.util.Optional<ImportJobs.Status> status() {
    return jobId == null ? java.util.Optional.empty() : jobs.status(jobId);
  }

  private InvoiceMapping mapping() {
    return new InvoiceMapping(
        invoiceNumber,
        customerNumber,
        issueDate,
        dueDate,
        amount,
        blank(currency),
        blank(defaultCurrency),
        blank(externalId),
        blank(reference),
        blank(disputed),
        blank(settledDate),
        blank(delivery),
        datePattern,
        decimalComma);
  }

  private void fill(InvoiceMapping m) {
    invoiceNumber = m.invoiceNumber();
    customerNumber = m.customerNumber();
    issueDate = m.issueDate();
    dueDate = m.dueDate();
    amount = m.amount();
    currency = m.currency();
    defaultCurrency = m.defaultCurrency();
    externalId = m.externalId();
    reference = m.reference();
    disputed = m.disputed();
    settledDate = m.settledDate();
    delivery = m.delivery();
    datePattern = m.datePattern();
    decimalComma = m.decimalComma();
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private void info(String text) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
  }

  private void error(String text) {
    faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  public boolean isUploaded() {
    return file != null;
  }

  public String getFileName() {
    return fileName;
  }

  public List<String> getHeader() {
    return header;
  }

  public List<Integer> getColumnIndexes() {
    return IntStream.range(0, header.size()).boxed().toList();
  }

  public List<List<String>> getPreview() {
    return preview;
  }

  public int getRowCount() {
    return rowCount;
  }

  public int getMaxMegabytes() {
    return InvoiceImport.MAX_BYTES / (1024 * 1024);
  }

  public ImportReport getReport() {
    return report;
  }

  public String getFailure() {
    return failure;
  }

  public List<String> getSavedMappings() {
    return savedMappings;
  }

  public String getSavedMapping() {
    return savedMapping;
  }

  public void setSavedMapping(String savedMapping) {
    this.savedMapping = savedMapping;
  }

  public String getSaveAs() {
    return saveAs;
  }

  public void setSaveAs(String saveAs) {
    this.saveAs = saveAs;
  }

  public String getInvoiceNumber() {
    return invoiceNumber;
  }

  public void setInvoiceNumber(String value) {
    this.invoiceNumber = value;
  }

  public String getCustomerNumber() {
    return customerNumber;
  }

  public void setCustomerNumber(String value) {
    this.customerNumber = value;
  }

  public String getIssueDate() {
    return issueDate;
  }

  public void setIssueDate(String value) {
    this.issueDate = value;
  }

  public String getDueDate() {
    return dueDate;
  }

  public void setDueDate(String value) {
    this.dueDate = value;
  }

  public String getAmount() {
    return amount;
  }

  public void setAmount(String value) {
    this.amount = value;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String value) {
    this.currency = value;
  }

  public String getDefaultCurrency() {
    return defaultCurrency;
  }

  public void setDefaultCurrency(String value) {
    this.defaultCurrency = value;
  }

  public String getExternalId() {
    return externalId;
  }

  public void setExternalId(String value) {
    this.externalId = value;
  }

  public String getReference() {
    return reference;
  }

  public void setReference(String value) {
    this.reference = value;
  }

  public String getDisputed() {
    return disputed;
  }

  public void setDisputed(String value) {
    this.disputed = value;
  }

  public String getSettledDate() {
    return settledDate;
  }

  public void setSettledDate(String value) {
    this.settledDate = value;
  }

  public String getDelivery() {
    return delivery;
  }

  public void setDelivery(String value) {
    this.delivery = value;
  }

  public String getDatePattern() {
    return datePattern;
  }

  public void setDatePattern(String value) {
    this.datePattern = value;
  }

  public boolean isDecimalComma() {
    return decimalComma;
  }

  public void setDecimalComma(boolean value) {
    this.decimalComma = value;
  }

  public boolean isValidRowsOnly() {
    return validRowsOnly;
  }

  public void setValidRowsOnly(boolean value) {
    this.validRowsOnly = value;
  }
}
