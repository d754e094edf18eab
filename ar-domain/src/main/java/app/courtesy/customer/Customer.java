package app.courtesy.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

/**
 * An account we invoice. Its country, time zone and locale decide when and in which language it is
 * contacted; its currency is the default for new invoices.
 */
@Entity
@Table(name = "customer")
public class Customer {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
  @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String number;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 2)
  private String country;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(nullable = false, length = 35)
  private String locale;

  @Column(nullable = false, length = 3)
  private String currency;

  @Version private long version;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Customer() {}

  public Customer(
      String number,
      String name,
      String country,
      ZoneId timeZone,
      Locale locale,
      Currency currency,
      OffsetDateTime createdAt) {
    this.number = number;
    this.name = name;
    this.country = country;
    this.timeZone = timeZone.getId();
    this.locale = locale.toLanguageTag();
    this.currency = currency.getCurrencyCode();
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getNumber() {
    return number;
  }

  public String getName() {
    return name;
  }

  public String getCountry() {
    return country;
  }

  public ZoneId getTimeZone() {
    return ZoneId.of(timeZone);
  }

  public Locale getLocale() {
    return Locale.forLanguageTag(locale);
  }

  public Currency getCurrency() {
    return Currency.getInstance(currency);
  }
}
