package app.courtesy.customer;

import app.courtesy.shared.KeyLookup;
import app.courtesy.shared.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Finds and stores {@link Customer}s. */
@ApplicationScoped
public class CustomerRepository {

  private static final int LOCK_CHUNK = 10_000;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /**
   * The id of the customer a list is filtered by: {@code null} when no number is given (blank
   * included), so the list is everyone's.
   *
   * @throws NotFoundException when no customer has the number
   */
  public Long filterId(String number) {
    if (number == null || number.isBlank()) {
      return null;
    }
    return findByNumber(number.strip())
        .orElseThrow(() -> new NotFoundException("Customer", number))
        .getId();
  }

  public Optional<Customer> findByNumber(String number) {
    return em.createQuery("select c from Customer c where c.number = :number", Customer.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst();
  }

  /** The customers with these numbers, by number; unknown numbers are absent. */
  public Map<String, Customer> byNumber(Collection<String> numbers) {
    return KeyLookup.byKey(em, Customer.class, "number", numbers, Customer::getNumber);
  }

  /**
   * The customers with these numbers as plain values, by number; unknown numbers are absent. Only
   * the numbers {@code known} (customers this transaction already read) does not hold are read: a
   * file's customers are read once, not once by each service its rows pass through.
   */
  public Map<String, NamedCustomer> namedByNumber(
      Collection<String> numbers, Map<String, NamedCustomer> known) {
    Map<String, NamedCustomer> found =
        new HashMap<>(
            KeyLookup.rowsByKey(
                em,
                "customer",
                "number",
                NamedCustomer.COLUMNS,
                numbers.stream().filter(n -> n != null && !known.containsKey(n)).toList(),
                NamedCustomer::of));
    numbers.stream()
        .filter(n -> n != null && known.containsKey(n))
        .forEach(number -> found.put(number, known.get(number)));
    return found;
  }

  /** The customers with these external ids, by external id. */
  public Map<String, Customer> byExternalId(Collection<String> externalIds) {
    return KeyLookup.byKey(em, Customer.class, "externalId", externalIds, Customer::getExternalId);
  }

  /**
   * Locks the customers for the rest of the transaction, in id order so that two batches never wait
   * on each other: nothing else applies money to their invoices meanwhile. One statement per
   * {@value #LOCK_CHUNK} customers.
   */
  public void lockForAllocation(Collection<Customer> batch) {
    List<Long> ids = batch.stream().map(Customer::getId).distinct().sorted().toList();
    for (int from = 0; from < ids.size(); from += LOCK_CHUNK) {
      em.createNativeQuery("select id from customer where id = any(?1) order by id for update")
          .setFlushMode(FlushModeType.COMMIT)
          .setParameter(
              1, ids.subList(from, Math.min(from + LOCK_CHUNK, ids.size())).toArray(Long[]::new))
          .getResultList();
    }
  }

  /**
   * The customer as last saved, locked for the rest of the transaction: of two people changing it
   * at the same moment, the second waits and then sees the first one's change.
   */
  public Optional<Customer> findByNumberForChange(String number) {
    return findByNumber(number)
        .map(
            customer -> {
              em.refresh(customer, LockModeType.PESSIMISTIC_WRITE);
              return customer;
            });
  }

  void add(Customer customer) {
    em.persist(customer);
  }

  /** The ids of the reminder policies with these names, by name; unknown names are absent. */
  @SuppressWarnings("unchecked")
  public Map<String, Long> reminderPolicyIds(Collection<String> names) {
    List<String> distinct = names.stream().filter(Objects::nonNull).distinct().toList();
    Map<String, Long> ids = new HashMap<>();
    if (!distinct.isEmpty()) {
      List<Object[]> rows =
          em.createNativeQuery("select name, id from reminder_policy where name = any(?1)")
              .setParameter(1, distinct.toArray(String[]::new))
              .getResultList();
      rows.forEach(row -> ids.put((String) row[0], ((Number) row[1]).longValue()));
    }
    return ids;
  }
}
