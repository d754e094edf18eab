/**
 * The benchmark: fills a dedicated PostgreSQL database with a book shaped by the IBM sample, then
 * measures the running EAR over HTTP — CSV import, REST batch ingest, invoice-list paging — each
 * next to the same work done as raw SQL in the same run, and writes the figures as a table.
 */
package app.courtesy.bench;
