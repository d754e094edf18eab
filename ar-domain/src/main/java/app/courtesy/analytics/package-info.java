/**
 * Collections figures: the receivables of each business date per currency, written by the daily run
 * in one set-based statement ({@link app.courtesy.analytics.ReceivablesDays}), the formulas with
 * their definitions ({@link app.courtesy.analytics.CollectionsFigures}, {@link
 * app.courtesy.analytics.CashForecast}), and the trends read from the days written ({@link
 * app.courtesy.analytics.Trends}). Amounts of two currencies are never added.
 */
package app.courtesy.analytics;
