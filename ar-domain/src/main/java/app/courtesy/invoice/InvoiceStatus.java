package app.courtesy.invoice;

import app.courtesy.shared.Money;

/** Where an invoice stands, derived from its state, its amount and what is still open on it. */
public enum InvoiceStatus {
  OPEN,
  PARTIALLY_PAID,
  PAID,
  DISPUTED,
  WRITTEN_OFF,
  CANCELLED;

  public static InvoiceStatus of(InvoiceState state, boolean disputed, Money amount, Money open) {
    return switch (state) {
      case CANCELLED -> CANCELLED;
      case WRITTEN_OFF -> WRITTEN_OFF;
      case ISSUED -> {
        if (!open.isPositive()) {
          yield PAID;
        }
        if (disputed) {
          yield DISPUTED;
        }
        yield open.compareTo(amount) < 0 ? PARTIALLY_PAID : OPEN;
      }
    };
  }
}
