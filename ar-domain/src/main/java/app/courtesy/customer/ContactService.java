package app.courtesy.customer;

import app.courtesy.shared.KeyLookup;
import app.courtesy.shared.RowError;
import app.courtesy.shared.Rows;
import app.courtesy.shared.UpsertResult;
import app.courtesy.shared.UpsertResult.Outcome;
import app.courtesy.shared.validation.InputValidator;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.Payload;
import app.courtesy.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
  @Inject private WebhookEvents webhooks;
  @Inject private InputValidator input;
  @Inject private Clock clock;
  @Inject private Event<ContactAddressChanged> addressChanged;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  public UpsertResult upsert(List<ContactData> items) {
    List<RowError> errors = new ArrayList<>(input.rows(items));
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
        Correction before = Correction.of(contact);
        result = result.count(contact.revise(item, customer) ? Outcome.UPDATED : Outcome.UNCHANGED);
        addressChanged(contact, before);
      }
    }
    return result;
  }

  /**
   * Who a message on {@code channel} goes to: a contact reachable on it (an email address neither
   * bounced nor opted out, a mobile not opted out), the one who prefers the channel first.
   */
  public Optional<Contact> reachableOn(Customer customer, Channel channel) {
    return reachableOn(contactsOf(customer), channel);
  }

  /** Of a customer's {@code contacts}, the one to write to on {@code channel}, as above. */
  public static Optional<Contact> reachableOn(List<Contact> contacts, Channel channel) {
    return contacts.stream()
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

  /**
   * What a contact may correct about themselves on their own page. The ERP's next send of the
   * contact, if it says otherwise, wins, as for any other edit of its data.
   */
  public record Correction(
      String email,
      String phone,
      String mobile,
      Channel preferred,
      boolean emailOptOut,
      boolean smsOptOut) {

    public static Correction of(Contact contact) {
      return new Correction(
          contact.getEmail(),
          contact.getPhone(),
          contact.getMobile(),
          contact.getPreferredChannel(),
          contact.isEmailOptOut(),
          contact.isSmsOptOut());
    }

    /** The same, but no more reminders on {@code channel} (email or SMS). */
    public Correction optedOut(Channel channel) {
      return new Correction(
          email,
          phone,
          mobile,
          preferred,
          emailOptOut || channel == Channel.EMAIL,
          smsOptOut || channel == Channel.SMS);
    }

    /** What differs from {@code after}, in words: "email address", "no reminders by SMS" … */
    public List<String> differences(Correction after) {
      List<String> changed = new ArrayList<>();
      if (!Objects.equals(email, after.email)) {
        changed.add("email address to " + (after.email == null ? "none" : after.email));
      }
      if (!Objects.equals(phone, after.phone)) {
        changed.add("phone number to " + (after.phone == null ? "none" : after.phone));
      }
      if (!Objects.equals(mobile, after.mobile)) {
        changed.add("mobile number to " + (after.mobile == null ? "none" : after.mobile));
      }
      if (preferred != after.preferred) {
        changed.add("preferred channel to " + after.preferred.name().toLowerCase());
      }
      if (emailOptOut != after.emailOptOut) {
        changed.add(after.emailOptOut ? "no reminders by email" : "reminders by email again");
      }
      if (smsOptOut != after.smsOptOut) {
        changed.add(after.smsOptOut ? "no reminders by SMS" : "reminders by SMS again");
      }
      return changed;
    }
  }

  /**
   * Applies the contact's own correction, validated like the ERP's data. Their page takes care of
   * its links itself, keeping the one they are using.
   *
   * @return whether anything changed
   * @throws app.courtesy.shared.InvalidRowsException naming each field that is not valid
   */
  public boolean correct(Contact contact, Correction correction) {
    ContactData current = contact.toData();
    ContactData corrected =
        new ContactData(
            current.externalId(),
            current.customerNumber(),
            current.name(),
            current.salutation(),
            current.role(),
            correction.email(),
            correction.phone(),
            correction.mobile(),
            correction.preferred(),
            correction.emailOptOut(),
            correction.smsOptOut());
    Rows.requireNone(input.rows(List.of(corrected)));
    if (correction.emailOptOut() && !current.emailOptOut()) {
      optedOut(contact, Channel.EMAIL);
    }
    if (correction.smsOptOut() && !current.smsOptOut()) {
      optedOut(contact, Channel.SMS);
    }
    return contact.revise(corrected, contact.getCustomer());
  }

  /** Tells the ERP that the contact wants no more reminders on {@code channel}. */
  private void optedOut(Contact contact, Channel channel) {
    webhooks.publish(
        EventType.CONTACT_OPTED_OUT,
        Payload.about(contact.getCustomer().getNumber())
            .text("contactExternalId", contact.getExternalId())
            .text("contactName", contact.getName())
            .text("channel", channel.name()));
  }

  /** The ERP changed the contact's address: what went to the old one should stop working. */
  private void addressChanged(Contact contact, Correction before) {
    if (!Objects.equals(before.email(), contact.getEmail())
        || !Objects.equals(before.mobile(), contact.getMobile())) {
      addressChanged.fire(new ContactAddressChanged(contact.getId()));
    }
  }

  /** The customer's contacts by name. */
  public List<Contact> contactsOf(Customer customer) {
    return em.createQuery(
            "select c from Contact c where c.customer = :customer order by c.name", Contact.class)
        .setParameter("customer", customer)
        .getResultList();
  }

  /**
   * The contacts of each of the customers {@code customerIds}, by name, in one read (a customer
   * without contacts has an empty list).
   */
  public Map<Long, List<Contact>> contactsOf(Collection<Long> customerIds) {
    Map<Long, List<Contact>> contacts = new HashMap<>();
    customerIds.forEach(id -> contacts.put(id, new ArrayList<>()));
    if (!customerIds.isEmpty()) {
      em.createQuery(
              "select c.customer.id, c from Contact c where c.customer.id in :ids order by c.name",
              Object[].class)
          .setParameter("ids", customerIds)
          .getResultList()
          .forEach(row -> contacts.get((Long) row[0]).add((Contact) row[1]));
    }
    return contacts;
  }
}
