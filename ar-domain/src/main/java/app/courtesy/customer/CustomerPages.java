package app.courtesy.customer;

import app.courtesy.shared.Keyset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Customers and their contacts read back for the API: by external id, and as lists read page by
 * page from where the previous page ended (see {@link Keyset}), never by counting rows to skip.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CustomerPages {

  /** The orders a customer list can be read in; the id breaks ties. */
  public enum Sort {
    NUMBER("c.number", Customer::getNumber),
    NAME("c.name", Customer::getName);

    private final String column;
    private final Function<Customer, String> key;

    Sort(String column, Function<Customer, String> key) {
      this.column = column;
      this.key = key;
    }

    /** Where a page that ends with {@code customer} ended. */
    public Keyset after(Customer customer) {
      return new Keyset(key.apply(customer), customer.getId());
    }
  }

  /**
   * Which customers to list; {@code null} fields do not filter.
   *
   * @param name part of the name, in any case
   * @param country two-letter country code
   * @param collector the assigned collector's username
   */
  public record Filter(String name, String country, String collector) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public Optional<Customer> findByExternalId(String externalId) {
    return em.createQuery("select c from Customer c where c.externalId = :id", Customer.class)
        .setParameter("id", externalId)
        .getResultStream()
        .findFirst();
  }

  /** Up to {@code size} customers after {@code after} (null: from the start), in {@code sort}. */
  public List<Customer> page(Filter filter, Sort sort, Keyset after, int size) {
    StringBuilder where = new StringBuilder(" where 1 = 1");
    if (filter.name() != null) {
      where.append(" and lower(c.name) like :name");
    }
    if (filter.country() != null) {
      where.append(" and c.country = :country");
    }
    if (filter.collector() != null) {
      where.append(" and c.collector.username = :collector");
    }
    if (after != null) {
      where.append(
          sort == Sort.NUMBER
              ? " and c.number > :key"
              : " and (c.name > :key or (c.name = :key and c.id > :id))");
    }
    TypedQuery<Customer> query =
        em.createQuery(
                "select c from Customer c"
                    + where
                    + " order by "
                    + sort.column
                    + (sort == Sort.NUMBER ? "" : ", c.id"),
                Customer.class)
            .setHint("eclipselink.batch.type", "IN")
            .setHint("eclipselink.batch", "c.collector")
            .setMaxResults(size);
    if (filter.name() != null) {
      query.setParameter("name", "%" + filter.name().strip().toLowerCase(Locale.ROOT) + "%");
    }
    if (filter.country() != null) {
      query.setParameter("country", filter.country());
    }
    if (filter.collector() != null) {
      query.setParameter("collector", filter.collector());
    }
    if (after != null) {
      query.setParameter("key", after.key());
      if (sort == Sort.NAME) {
        query.setParameter("id", after.id());
      }
    }
    return query.getResultList();
  }

  /** The contact with this external id. */
  public Optional<Contact> findContact(String externalId) {
    return em.createQuery("select c from Contact c where c.externalId = :id", Contact.class)
        .setParameter("id", externalId)
        .getResultStream()
        .findFirst();
  }

  /** Up to {@code size} of the customer's contacts after {@code after}, in the order added. */
  public List<Contact> contacts(Customer customer, Keyset after, int size) {
    return em.createQuery(
            "select c from Contact c where c.customer = :customer and c.id > :after order by c.id",
            Contact.class)
        .setParameter("customer", customer)
        .setParameter("after", after == null ? Long.MIN_VALUE : after.id())
        .setMaxResults(size)
        .getResultList();
  }
}
