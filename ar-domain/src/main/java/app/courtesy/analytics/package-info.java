/**
 * Collections figures: the receivables of each business date per currency, written by the daily run
 * in one set-based statement ({@link app.courtesy.analytics.ReceivablesDays}), the formulas with
 * their definitions ({@link app.courtesy.analytics.CollectionsFigures}), the trends read from the
 * days written ({@link app.courtesy.analytics.Trends}); what the reminders did within 7 and 14 days
 * of each send date, written by the same run once the fortnight is over ({@link
 * app.courtesy.analytics.ReminderEffectDays}) and read by {@link
 * app.courtesy.analytics.ReminderEffects}; and the cash-in forecast each run makes for the next 13
 * weeks ({@link app.courtesy.analytics.CashForecastWeeks}), read with how much of it came true
 * ({@link app.courtesy.analytics.CashForecasts}). Amounts of two currencies are never added.
 */
package app.courtesy.analytics;
