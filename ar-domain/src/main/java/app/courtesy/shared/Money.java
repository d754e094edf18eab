package app.courtesy.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An amount of one currency, rounded to that currency's minor unit (two places for EUR and USD,
 * none for JPY). Amounts of different currencies never mix: {@link #plus(Money)} refuses them.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /** The formats of amounts made so far, one per locale and currency, as patterns to copy. */
  private static final Map<Style, NumberFormat> FORMATS = new ConcurrentHashMap<>();

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    amount =
        amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
  }

  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public boolean isPositive() {
    return amount.signum() > 0;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "Cannot combine " + currency + " with " + other.currency + " in one amount");
    }
  }

  /** The amount as a reader in {@code locale} writes it, e.g. {@code 1.234,50 €} in German. */
  public String format(Locale locale) {
    // A format is not safe to share between threads, and a copy costs far less than a new one.
    NumberFormat format =
        (NumberFormat) FORMATS.computeIfAbsent(new Style(locale, currency), Style::format).clone();
    return format.format(amount);
  }

  private record Style(Locale locale, Currency currency) {

    NumberFormat format() {
      NumberFormat format = NumberFormat.getCurrencyInstance(locale);
      format.setCurrency(currency);
      format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
      format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
      return format;
    }
  }

  /** The amount as a plain decimal string followed by the ISO code, e.g. {@code 1234.50 EUR}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
