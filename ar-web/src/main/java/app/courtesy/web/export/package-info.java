/**
 * Lists exported as they are shown: the list's filter and sort, every page, as CSV or XLSX. Rows
 * are read in keyset chunks and written as they come, so an export of a million rows never holds
 * them all; the session's {@link app.courtesy.web.export.ExportProgress} tells the page how far it
 * got.
 */
package app.courtesy.web.export;
