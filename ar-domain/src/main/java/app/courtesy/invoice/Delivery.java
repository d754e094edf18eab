package app.courtesy.invoice;

import java.util.Locale;
import java.util.Optional;

/** How an invoice reached the customer; reminders about it go the same way by default. */
public enum Delivery {
  PAPER,
  ELECTRONIC;

  /** Reads the words ERP exports use: Paper, Letter, Post; Electronic, Email, Paperless. */
  public static Optional<Delivery> parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "paper", "letter", "post", "mail" -> Optional.of(PAPER);
      case "electronic", "email", "e-mail", "paperless", "edi", "pdf" -> Optional.of(ELECTRONIC);
      default -> Optional.empty();
    };
  }
}
