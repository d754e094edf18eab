/**
 * The collections dashboard ({@code dashboard/index.xhtml}): a filter every section reads ({@link
 * app.courtesy.web.dashboard.DashboardBacking}), one backing bean per section implementing {@link
 * app.courtesy.web.dashboard.DashboardSection}, charts built by {@link
 * app.courtesy.web.dashboard.ChartJson}, tables of {@link app.courtesy.web.dashboard.FigureTable}
 * with their downloads, the cases and invoices behind each line ({@link
 * app.courtesy.web.dashboard.Drilldown}, {@code dashboard/behind.xhtml}), and the page as a PDF.
 */
package app.courtesy.web.dashboard;
