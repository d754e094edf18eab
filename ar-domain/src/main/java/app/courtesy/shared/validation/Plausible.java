package app.courtesy.shared.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * The one spelling of what input may look like, whichever way it arrives (REST, CSV import, pages):
 * each check answers the problem in words for the person who fixes it, or nothing when the value is
 * fine. {@code null} is always fine here; whether a value is required is said elsewhere.
 *
 * <ul>
 *   <li>an amount has no more decimals than its currency ({@code 1.005} GBP is refused, not
 *       rounded);
 *   <li>a currency is an ISO 4217 code with a minor unit ({@code XXX}, {@code XTS}, gold and the
 *       like are not money invoices are written in);
 *   <li>a date lies between 1900 and ten years from today;
 *   <li>a name or number is one line without control characters or bidirectional overrides, and a
 *       number (of a customer, invoice, contact) has none of {@code / \ ? #}, so it can stand in a
 *       URL; an invoice number does not start like a spreadsheet formula.
 * </ul>
 */
public final class Plausible {

  /** The earliest date accepted anywhere. */
  public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

  /** How far ahead of today a date may lie. */
  public static final int YEARS_AHEAD = 10;

  private static final String NOT_IN_NUMBERS = "/\\?#";

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private Plausible() {}

  /** The decimals a currency's amounts have: 2 for EUR, 0 for JPY, 3 for BHD. */
  public static int decimalsOf(Currency currency) {
    return Math.max(currency.getDefaultFractionDigits(), 0);
  }

  /**
   * An amount with more decimals than its currency has, e.g. {@code 1.005} GBP: "1.005 has 3
   * decimal places, but GBP amounts have at most 2".
   */
  public static Optional<String> decimals(BigDecimal amount, Currency currency) {
    if (amount == null || currency == null) {
      return Optional.empty();
    }
    int allowed = decimalsOf(currency);
    int places = Math.max(amount.stripTrailingZeros().scale(), 0);
    if (places <= allowed) {
      return Optional.empty();
    }
    String code = currency.getCurrencyCode();
    return Optional.of(
        allowed == 0
            ? amount.toPlainString()
                + " has decimal places, but "
                + code
                + " amounts are whole numbers (0 decimal places)"
            : amount.toPlainString()
                + " has "
                + places
                + " decimal places, but "
                + code
                + " amounts have at most "
                + allowed);
  }

  /** As {@link #decimals(BigDecimal, Currency)} for a currency code; unknown codes say nothing. */
  public static Optional<String> decimals(BigDecimal amount, String currencyCode) {
    return currency(currencyCode).isPresent() || currencyCode == null
        ? Optional.empty()
        : decimals(amount, Currency.getInstance(currencyCode));
  }

  /**
   * A code that is no ISO 4217 currency, or one without a minor unit: the pseudo-currencies ({@code
   * XXX}, {@code XTS}), precious metals ({@code XAU}, {@code XAG}, {@code XPT}, {@code XPD}) and
   * units of account ({@code XDR}).
   */
  public static Optional<String> currency(String code) {
    if (code == null) {
      return Optional.empty();
    }
    try {
      Currency currency = Currency.getInstance(code);
      if (!currency.getCurrencyCode().equals(code)) {
        return Optional.of("must be an ISO currency code such as EUR or USD");
      }
      if (currency.getDefaultFractionDigits() < 0) {
        return Optional.of("is not a currency invoices are written in; use one such as EUR or USD");
      }
      return Optional.empty();
    } catch (IllegalArgumentException unknown) {
      return Optional.of("must be an ISO currency code such as EUR or USD");
    }
  }

  /** A date before 1900 or more than ten years after {@code today}. */
  public static Optional<String> date(LocalDate date, LocalDate today) {
    if (date == null) {
      return Optional.empty();
    }
    if (date.isBefore(EARLIEST)) {
      return Optional.of("must not be before " + EARLIEST);
    }
    LocalDate latest = today.plusYears(YEARS_AHEAD);
    if (date.isAfter(latest)) {
      return Optional.of("must not be more than " + YEARS_AHEAD + " years ahead (" + latest + ")");
    }
    return Optional.empty();
  }

  /**
   * Text with the NUL character (U+0000), which no text column can hold (PostgreSQL refuses it):
   * refused wherever text arrives, before it is looked up or stored.
   */
  public static Optional<String> nul(String value) {
    return value != null && value.indexOf('\u0000') >= 0
        ? Optional.of("must not contain the NUL character (U+0000)")
        : Optional.empty();
  }

  /**
   * A name or other one-line text with a control character (NUL, tab, line breaks, …) or a
   * bidirectional override, which would make it read differently from what it is.
   */
  public static Optional<String> text(String value) {
    if (value == null) {
      return Optional.empty();
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.getType(c) == Character.CONTROL) {
        return Optional.of(
            "must be one line without control characters (" + codePoint(c) + " found)");
      }
      if (isBidiControl(c)) {
        return Optional.of(
            "must not contain invisible text-direction characters (" + codePoint(c) + " found)");
      }
    }
    return Optional.empty();
  }

  /**
   * Text of several lines (notes, reasons): line breaks and tabs are fine, other control characters
   * and bidirectional overrides are not.
   */
  public static Optional<String> multilineText(String value) {
    if (value == null) {
      return Optional.empty();
    }
    return text(value.replace('\n', ' ').replace('\r', ' ').replace('\t', ' '));
  }

  /** A number of a customer, invoice or contact: one line, and nothing that breaks a URL. */
  public static Optional<String> number(String value) {
    Optional<String> text = text(value);
    if (text.isPresent() || value == null) {
      return text;
    }
    for (int i = 0; i < value.length(); i++) {
      if (NOT_IN_NUMBERS.indexOf(value.charAt(i)) >= 0) {
        return Optional.of("must not contain / \\ ? or # ('" + value.charAt(i) + "' found)");
      }
    }
    return Optional.empty();
  }

  /**
   * A number a spreadsheet would run as a formula when the ledger is exported (CSV injection): one
   * starting with {@code = + - @}, a tab or a carriage return.
   */
  public static Optional<String> spreadsheetSafe(String value) {
    if (value == null || value.isEmpty() || FORMULA_STARTS.indexOf(value.charAt(0)) < 0) {
      return Optional.empty();
    }
    return Optional.of("must not start with = + - @, a tab or a line break");
  }

  private static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E')
        || (c >= '\u2066' && c <= '\u2069')
        || c == '\u200E'
        || c == '\u200F'
        || c == '\u061C';
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}
