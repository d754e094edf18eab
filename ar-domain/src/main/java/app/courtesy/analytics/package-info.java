/**
 * Collections figures: the receivables of each business date per currency, written by the daily run
 * in one set-based statement ({@link app.courtesy.analytics.ReceivablesDays}), the formulas with
 * their definitions ({@link app.courtesy.analytics.CollectionsFigures}), the trends read from the
 * days written ({@link app.courtesy.analytics.Trends}), and the cash-in forecast each run makes for
 * the next 13 weeks ({@link app.courtesy.analytics.CashForecastWeeks}), read with how much of it
 * came true ({@link app.courtesy.analytics.CashForecasts}). Amounts of two currencies are never
 * added.
 */
package app.courtesy.analytics;
