package app.courtesy.customer;

import app.courtesy.shared.KeyLookup;
import app.courtesy.shared.RowError;
import app.courtesy.shared.Rows;
import app.courtesy.shared.UpsertResult;
import app.courtesy.shared.UpsertResult.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Creates and updates customers' contacts by external id; a bad batch writes nothing. */
@ApplicationScoped
@Transactional
public class ContactService {

  @Inject private CustomerRepository customers;
  @Inject private Validator validator;
  @Inject private Clock clock;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public UpsertResult upsert(List<ContactData> items) {
    List<RowError> errors = new ArrayList<>(Rows.validate(validator, items));
    errors.addAll(Rows.duplicates(items, ContactData::externalId, "externalId"));
    Set<Integer> invalid = Rows.rowsIn(errors);
    Map<String, Customer> customersByNumber =
        customers.byNumber(
            items.stream().filter(Objects::nonNull).map(ContactData::customerNumber).toList());
    for (int row = 0; row < items.size(); row++) {
      ContactData item = items.get(row);
      if (!invalid.contains(row) && !customersByNumber.containsKey(item.customerNumber())) {
        errors.add(
            new RowError(
                row, "customerNumber", "no customer with number " + item.customerNumber()));
      }
    }
    Rows.requireNone(errors);

    Map<String, Contact> existing =
        KeyLookup.byKey(
            em,
            Contact.class,
            "externalId",
            items.stream().map(ContactData::externalId).toList(),
            Contact::getExternalId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    UpsertResult result = UpsertResult.none();
    for (ContactData item : items) {
      Customer customer = customersByNumber.get(item.customerNumber());
      Contact contact = existing.get(item.externalId());
      if (contact == null) {
        em.persist(new Contact(item, customer, now));
        result = result.count(Outcome.CREATED);
      } else {
        result = result.count(contact.revise(item, customer) ? Outcome.UPDATED : Outcome.UNCHANGED);
      }
    }
    return result;
  }

  /**
   * Who a message on {@code channel} goes to: a contact reachable on it (an email address neither
   * bounced nor opted out, a mobile not opted out), the one who prefers the channel first.
   */
  public Optional<Contact> reachableOn(Customer customer, Channel channel) {
    return contactsOf(customer).stream()
        .filter(
            c ->
                switch (channel) {
                  case EMAIL -> c.isEmailable();
                  case SMS -> c.isTextable();
                  default -> true;
                })
        .min(
            Comparator.comparing((Contact c) -> c.getPreferredChannel() != channel)
                .thenComparing(Contact::getId));
  }

  /** The customer's contacts by name. */
  public List<Contact> contactsOf(Customer customer) {
    return em.createQuery(
            "select c from Contact c where c.customer = :customer order by c.name", Contact.class)
        .setParameter("customer", customer)
        .getResultList();
  }
}
