package app.courtesy.analytics;

import app.courtesy.shared.Money;
import java.time.LocalDate;

/**
 * A case or an invoice behind a figure, for the page that lists them.
 *
 * @param kind {@code "case"} or {@code "invoice"}
 * @param reference the case's id or the invoice's number
 * @param date the date that put it behind the figure
 * @param note its part in the figure, in a few words
 */
public record FigureItem(
    String kind, String reference, String customer, Money amount, LocalDate date, String note) {}
