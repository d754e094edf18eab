package app.courtesy.dunning;

import static app.courtesy.shared.SqlValues.date;

import app.courtesy.customer.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The holiday calendar: days, per country, on which nobody there is contacted (weekends are never
 * business days). Messages due on a holiday wait for the next business day.
 */
@ApplicationScoped
@Transactional
public class Holidays {

  /** A holiday in a country. */
  public record Holiday(String country, LocalDate date, String name) {}

  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /** The holidays from {@code from} on, by date. */
  public List<Holiday> from(LocalDate from) {
    return ((List<?>)
            em.createNativeQuery(
                    "select country, on_date, name from holiday where on_date >= ?1"
                        + " order by on_date, country")
                .setParameter(1, from)
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .map(r -> new Holiday((String) r[0], date(r[1]), (String) r[2]))
            .toList();
  }

  /**
   * The holidays per country from {@code from} on, as far as a send window can be pushed by them
   * (sixty days).
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Map<String, Set<LocalDate>> byCountry(LocalDate from) {
    return ((List<?>)
            em.createNativeQuery(
                    "select country, on_date from holiday where on_date between ?1 and ?2")
                .setParameter(1, from)
                .setParameter(2, from.plusDays(60))
                .getResultList())
        .stream()
            .map(Object[].class::cast)
            .collect(
                Collectors.groupingBy(
                    r -> (String) r[0],
                    Collectors.mapping(r -> date(r[1]), Collectors.toCollection(HashSet::new))));
  }

  /** The customer's send window around {@code date}: their time zone, their country's holidays. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public SendWindow windowOf(Customer customer, LocalDate date) {
    return new SendWindow(
        customer.getTimeZone(), byCountry(date).getOrDefault(customer.getCountry(), Set.of()));
  }

  /**
   * Adds a holiday, or renames it when the country already has one that day.
   *
   * @throws IllegalArgumentException for an unknown country code or a blank name
   */
  public Holiday put(String country, LocalDate date, String name) {
    String code = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
    if (!COUNTRIES.contains(code)) {
      throw new IllegalArgumentException(country + " is not an ISO country code (DE, FR, US …)");
    }
    String plain = name == null ? "" : name.strip();
    if (plain.isEmpty() || plain.length() > 80) {
      throw new IllegalArgumentException("Name the holiday (up to 80 characters)");
    }
    em.createNativeQuery("delete from holiday where country = ?1 and on_date = ?2")
        .setParameter(1, code)
        .setParameter(2, date)
        .executeUpdate();
    em.createNativeQuery("insert into holiday (country, on_date, name) values (?1, ?2, ?3)")
        .setParameter(1, code)
        .setParameter(2, date)
        .setParameter(3, plain)
        .executeUpdate();
    return new Holiday(code, date, plain);
  }

  /** Removes a holiday; true when there was one. */
  public boolean remove(String country, LocalDate date) {
    return em.createNativeQuery("delete from holiday where country = ?1 and on_date = ?2")
            .setParameter(1, country.toUpperCase(Locale.ROOT))
            .setParameter(2, date)
            .executeUpdate()
        > 0;
  }
}
