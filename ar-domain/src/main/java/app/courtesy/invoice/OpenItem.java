package app.courtesy.invoice;

import app.courtesy.shared.Money;
import java.time.LocalDate;

/** What is still open on one invoice. */
public record OpenItem(long invoiceId, String invoiceNumber, LocalDate dueDate, Money open) {}
