package app.courtesy.importing;

import app.courtesy.shared.BusinessException;

/** An all-or-nothing import met bad rows: nothing was written; the report says why. */
public class ImportRejectedException extends BusinessException {

  private final transient ImportReport report;

  public ImportRejectedException(ImportReport report) {
    super(report.rejected().size() + " rows have problems; nothing was imported");
    this.report = report;
  }

  public ImportReport report() {
    return report;
  }
}
