package app.courtesy.web.dashboard;

import java.util.List;

/**
 * One section of the dashboard, as the PDF of the page prints it: every section's backing bean
 * implements this, and the PDF prints the sections by {@link #position()}, each table as the page
 * shows it.
 *
 * <p>A section whose figures are the team's returns no tables to a collector: the same check that
 * keeps it off their page keeps it out of their PDF.
 */
public interface DashboardSection {

  /** Where the section sits on the page, top first. */
  int position();

  /** The section's tables for the period, currency and person the dashboard shows. */
  List<FigureTable> tables();
}
