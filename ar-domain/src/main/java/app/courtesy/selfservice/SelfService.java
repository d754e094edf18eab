package app.courtesy.selfservice;

import app.courtesy.arrangement.Arrangement;
import app.courtesy.arrangement.ArrangementKind;
import app.courtesy.arrangement.ArrangementRejected;
import app.courtesy.arrangement.ArrangementService;
import app.courtesy.arrangement.Frequency;
import app.courtesy.arrangement.Proposal;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.CollectionCase;
import app.courtesy.collection.DisputeReason;
import app.courtesy.collection.DisputeTerms;
import app.courtesy.collection.PromiseTerms;
import app.courtesy.collection.PromiseToPay;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.communication.Outcome;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.dunning.Holidays;
import app.courtesy.invoice.CreditItem;
import app.courtesy.invoice.Invoice;
import app.courtesy.invoice.LedgerAsOf;
import app.courtesy.outbox.Outbox;
import app.courtesy.reminder.SenderDetails;
import app.courtesy.reminder.Tone;
import app.courtesy.shared.Money;
import app.courtesy.shared.SqlValues;
import app.courtesy.shared.Texts;
import app.courtesy.shared.validation.Plausible;
import app.courtesy.webhook.EventType;
import app.courtesy.webhook.Payload;
import app.courtesy.webhook.WebhookEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a customer sees and does on their own page, reached by a link. Reading changes nothing; each
 * action follows the rules staff follow (through {@link CaseService} and {@link
 * ArrangementService}), is logged on the customer's communication log as an inbound {@link
 * Channel#SELF_SERVICE} entry naming the contact, and raises the open case with a plain reason.
 */
@ApplicationScoped
@Transactional
public class SelfService {

  /** How far ahead a promise may go; a later date asks for an extension instead. */
  public static final int PROMISE_WINDOW_DAYS = CaseService.LONGEST_PROMISE_DAYS;

  /** Fresh links a customer can have emailed in a day, so the page cannot flood their inbox. */
  static final int FRESH_LINKS_PER_DAY = 3;

  private static final String FRESH_LINK_ACTOR = "Courtesy self-service";

  /** How the log, the case and a proposal name a customer acting on their page. */
  static final String ACTOR_PREFIX = "Customer: ";

  /** A file the customer sent from their page, without its content. */
  public record SentFile(
      long id, String fileName, String mediaType, long bytes, OffsetDateTime uploadedAt) {}

  /** One open invoice as the customer sees it. */
  public record OpenInvoice(
      String number,
      LocalDate issued,
      LocalDate due,
      Money amount,
      Money open,
      boolean disputed,
      LocalDate promisedUntil,
      boolean arranged,
      LocalDate reportedPaidUntil) {

    public boolean overdue(LocalDate today) {
      return due.isBefore(today);
    }
  }

  /**
   * Everything the customer's page shows.
   *
   * @param credits their unapplied credit, line by line (see {@link LedgerAsOf#credits})
   */
  public record Page(
      Customer customer,
      Contact contact,
      LocalDate today,
      List<OpenInvoice> invoices,
      List<Money> totals,
      List<CreditItem> credits,
      List<Arrangement> arrangements,
      Optional<PromiseToPay> promise,
      boolean caseOpen,
      LocalDate latestPromise) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private PortalLinks links;
  @Inject private WebhookEvents webhooks;
  @Inject private CaseService cases;
  @Inject private ArrangementService arrangements;
  @Inject private ContactService contacts;
  @Inject private CommunicationLog log;
  @Inject private Holidays holidays;
  @Inject private Outbox outbox;
  @Inject private SenderDetails sender;
  @Inject private Clock clock;
  @Inject private LedgerAsOf ledger;

  @Inject
  @ConfigProperty(name = "ar.self-service.reported-paid-days", defaultValue = "5")
  private int reportedPaidDays;

  /** The page of the link's customer, as of now. Writes nothing. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page page(PortalLink link) {
    Customer customer = customer(link);
    LocalDate today = today(customer);
    List<OpenInvoice> invoices = openInvoices(customer);
    Map<Currency, Money> totals = new LinkedHashMap<>();
    for (OpenInvoice invoice : invoices) {
      totals.merge(invoice.open().currency(), invoice.open(), Money::plus);
    }
    Optional<CollectionCase> open = cases.findOpen(customer);
    return new Page(
        customer,
        contact(link).orElse(null),
        today,
        invoices,
        List.copyOf(totals.values()),
        ledger.credits(customer, today),
        arrangements.ofCustomer(customer.getId()).stream()
            .filter(a -> a.getStatus().isLive())
            .toList(),
        open.stream()
            .flatMap(k -> cases.promises(k.getId()).stream())
            .filter(p -> p.getStatus() == PromiseToPay.Status.PENDING)
            .findFirst(),
        open.isPresent(),
        today.plusDays(PROMISE_WINDOW_DAYS));
  }

  /** The customer's open invoices, oldest due first: one statement for any size of book. */
  @SuppressWarnings("unchecked")
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<OpenInvoice> openInvoices(Customer customer) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select i.number, i.issue_date, i.due_date, i.amount, i.amount - i.allocated,"
                    + " i.currency, i.disputed, i.promised_until, i.arranged, i.reported_paid_until"
                    + " from invoice i where i.customer_id = ?1 and i.state = 'ISSUED'"
                    + " and i.amount > i.allocated order by i.due_date, i.number")
            .setParameter(1, customer.getId())
            .getResultList();
    return rows.stream()
        .map(
            row -> {
              Currency currency = Currency.getInstance((String) row[5]);
              return new OpenInvoice(
                  (String) row[0],
                  SqlValues.date(row[1]),
                  SqlValues.date(row[2]),
                  new Money(new BigDecimal(row[3].toString()), currency),
                  new Money(new BigDecimal(row[4].toString()), currency),
                  SqlValues.bool(row[6]),
                  SqlValues.date(row[7]),
                  SqlValues.bool(row[8]),
                  SqlValues.date(row[9]));
            })
        .toList();
  }

  /**
   * "I've already paid": reminders for the invoices wait {@code AR_SELF_SERVICE_REPORTED_PAID_DAYS}
   * business days (5 unless configured) for the payment, the open case rises with the request to
   * confirm it until a person acts on the case, and the customer's file is kept with it.
   */
  public LocalDate reportPaid(
      PortalLink link,
      List<String> invoiceNumbers,
      LocalDate paidOn,
      BigDecimal amount,
      String reference,
      Upload upload) {
    Customer customer = customer(link);
    LocalDate today = today(customer);
    List<OpenInvoice> chosen = chosen(customer, invoiceNumbers);
    if (paidOn == null || paidOn.isAfter(today) || paidOn.isBefore(today.minusYears(1))) {
      throw new SelfServiceRefusedException(
          "paidOn", "The payment date is a day within the last year, up to today.");
    }
    Currency currency = chosen.get(0).open().currency();
    if (amount == null
        || amount.signum() <= 0
        || Plausible.decimals(amount, currency).isPresent()
        || amount.compareTo(new BigDecimal("1000000000000")) >= 0) {
      throw new SelfServiceRefusedException(
          "amount", "The amount is a positive amount such as 120.50.");
    }
    String ref = plain(reference, 100, "reference");
    Optional<Long> file = store(customer, upload);
    LocalDate until = businessDaysAfter(customer, today, reportedPaidDays);
    for (OpenInvoice invoice : chosen) {
      em.createNativeQuery(
              "update invoice set reported_paid_on = ?1, reported_paid_until = ?2"
                  + " where customer_id = ?3 and number = ?4")
          .setParameter(1, today)
          .setParameter(2, until)
          .setParameter(3, customer.getId())
          .setParameter(4, invoice.number())
          .executeUpdate();
    }
    Money paid = new Money(amount, currency);
    String what =
        "reported a payment of "
            + paid
            + " made on "
            + paidOn
            + (ref == null ? "" : " (reference " + ref + ")")
            + " for "
            + numbers(chosen);
    logged(
        link,
        "Payment reported",
        "The customer "
            + what
            + "; reminders for them wait until "
            + until
            + file.map(id -> "; remittance advice attached (upload " + id + ")").orElse("")
            + ".");
    cases.customerAsked(
        customer,
        "Customer reported paying " + paid + " on " + paidOn + ": confirm it",
        actor(link));
    webhooks.publish(
        EventType.PAYMENT_REPORTED,
        Payload.about(customer.getNumber())
            .texts("invoices", chosen.stream().map(OpenInvoice::number).toList())
            .money("amount", paid)
            .date("paidOn", paidOn)
            .text("reference", ref)
            .date("remindersWaitUntil", until));
    return until;
  }

  /** What became of a promise the customer made. */
  public enum PromiseOutcome {
    /** Recorded as a promise to pay, like a collector's. */
    PROMISED,
    /** Beyond the promise window: asked for as an extension an approver decides. */
    EXTENSION_REQUESTED
  }

  /**
   * "I'll pay on …": within {@link #PROMISE_WINDOW_DAYS} days a promise to pay, recorded exactly
   * like a collector's; a later date becomes a request for an extension to that date.
   */
  public PromiseOutcome promise(
      PortalLink link, List<String> invoiceNumbers, LocalDate date, BigDecimal amount) {
    Customer customer = customer(link);
    LocalDate today = today(customer);
    List<OpenInvoice> chosen = chosen(customer, invoiceNumbers);
    if (date == null || date.isBefore(today)) {
      throw new SelfServiceRefusedException("date", "The date is today or a later day.");
    }
    if (date.isAfter(today.plusDays(PROMISE_WINDOW_DAYS))) {
      requestArrangement(
          link,
          new Proposal(
              ArrangementKind.EXTENSION,
              numbersOf(chosen),
              "The customer offered to pay on " + date + " on their page.",
              null,
              null,
              null,
              null,
              date,
              null,
              null),
          "Customer asked to pay on " + date);
      return PromiseOutcome.EXTENSION_REQUESTED;
    }
    Money open = chosen.stream().map(OpenInvoice::open).reduce(Money::plus).orElseThrow();
    BigDecimal promised = amount == null ? open.amount() : amount;
    cases.promiseFromCustomer(
        customer,
        new PromiseTerms(promised, date, numbersOf(chosen), null),
        actor(link),
        "Customer promised to pay on " + date);
    logged(
        link,
        "Promise to pay",
        "The customer promised to pay "
            + new Money(promised, open.currency())
            + " on "
            + date
            + " for "
            + numbers(chosen)
            + ".");
    return PromiseOutcome.PROMISED;
  }

  /**
   * "I need more time" or "a payment plan": a proposal on the open case with the customer as its
   * proposer, waiting for an approver.
   *
   * @param newDueDate for more time: the date the customer suggests
   * @param instalments for a plan: how many monthly instalments, from {@code firstDate}
   */
  public Arrangement requestTime(
      PortalLink link,
      List<String> invoiceNumbers,
      LocalDate newDueDate,
      Integer instalments,
      LocalDate firstDate,
      String note) {
    Customer customer = customer(link);
    List<OpenInvoice> chosen = chosen(customer, invoiceNumbers);
    String why = plain(note, 1000, "note");
    String reason = why == null ? "Asked for on the customer's page." : why;
    if (instalments != null) {
      if (instalments < 2 || instalments > 24) {
        throw new SelfServiceRefusedException(
            "instalments", "A plan has between 2 and 24 monthly instalments.");
      }
      LocalDate first = firstDate == null ? today(customer).plusDays(7) : firstDate;
      return requestArrangement(
          link,
          new Proposal(
              ArrangementKind.INSTALMENTS,
              numbersOf(chosen),
              reason,
              instalments,
              first,
              Frequency.MONTHLY,
              null,
              null,
              null,
              null),
          "Customer asked for a plan in " + instalments + " instalments");
    }
    if (newDueDate == null) {
      throw new SelfServiceRefusedException(
          "newDueDate", "Choose the date you suggest, or a number of instalments.");
    }
    return requestArrangement(
        link,
        new Proposal(
            ArrangementKind.EXTENSION,
            numbersOf(chosen),
            reason,
            null,
            null,
            null,
            null,
            newDueDate,
            null,
            null),
        "Customer asked for time until " + newDueDate);
  }

  private Arrangement requestArrangement(PortalLink link, Proposal proposal, String request) {
    Customer customer = customer(link);
    if (cases.findOpen(customer).isEmpty()) {
      throw new SelfServiceRefusedException(
          "nothingOverdue",
          "Nothing is overdue yet: there is no need to ask for more time. If something is"
              + " wrong, tell us below.");
    }
    Arrangement arrangement = arrangements.proposeFromCustomer(customer, proposal, actor(link));
    logged(
        link,
        proposal.kind() == ArrangementKind.INSTALMENTS
            ? "Payment plan requested"
            : "More time requested",
        request
            + " for "
            + String.join(", ", proposal.invoiceNumbers())
            + ": "
            + proposal.reason());
    cases.customerAsked(customer, request + " on " + today(customer), actor(link));
    return arrangement;
  }

  /** "Something is wrong with this invoice": a dispute, and chasing of it stops at once. */
  public void dispute(
      PortalLink link,
      List<String> invoiceNumbers,
      DisputeReason reason,
      String note,
      Upload upload) {
    Customer customer = customer(link);
    List<OpenInvoice> chosen = chosen(customer, invoiceNumbers);
    if (reason == null) {
      throw new SelfServiceRefusedException("reason", "Choose what is wrong.");
    }
    List<String> already =
        chosen.stream().filter(OpenInvoice::disputed).map(OpenInvoice::number).toList();
    if (!already.isEmpty()) {
      throw new SelfServiceRefusedException(
          "alreadyDisputed",
          "We are already looking into " + String.join(", ", already) + ".",
          String.join(", ", already));
    }
    String text = plain(note, 2000, "note");
    Optional<Long> file = store(customer, upload);
    cases.disputeFromCustomer(
        customer,
        new DisputeTerms(numbersOf(chosen), reason, text),
        actor(link),
        "Customer disputed " + numbers(chosen) + " on " + today(customer));
    logged(
        link,
        "Invoice disputed",
        "The customer disputed "
            + numbers(chosen)
            + " ("
            + reason.label().toLowerCase()
            + ")"
            + (text == null ? "" : ": " + text)
            + file.map(id -> "; file attached (upload " + id + ")").orElse("")
            + ".");
  }

  /**
   * The contact's own correction of their address, numbers, preferred channel and opt-outs. A
   * changed address or number revokes the customer's other links.
   */
  public void updateContact(PortalLink link, ContactService.Correction correction) {
    Contact contact = person(link);
    ContactService.Correction before = ContactService.Correction.of(contact);
    ContactService.Correction after =
        new ContactService.Correction(
            blankToNull(correction.email()),
            blankToNull(correction.phone()),
            blankToNull(correction.mobile()),
            correction.preferred(),
            correction.emailOptOut(),
            correction.smsOptOut());
    if (!contacts.correct(contact, after)) {
      return;
    }
    if (!Objects.equals(before.email(), after.email())
        || !Objects.equals(before.mobile(), after.mobile())) {
      links.revokeAll(link.getCustomerId(), link.getId(), "contact changed on the customer's page");
    }
    logged(
        link,
        "Contact details changed",
        contact.getName()
            + " changed their details: "
            + String.join("; ", before.differences(after))
            + ".");
  }

  /** One-click opt-out (RFC 8058) and the page's own: no more reminders on {@code channel}. */
  public void optOut(PortalLink link, Channel channel) {
    Contact contact = person(link);
    if (contacts.correct(contact, ContactService.Correction.of(contact).optedOut(channel))) {
      logged(
          link,
          "Opted out",
          contact.getName()
              + " asked for no more reminders by "
              + (channel == Channel.SMS ? "SMS" : "email")
              + ".");
    }
  }

  /** The person the link was sent to, who may change their own details. */
  private Contact person(PortalLink link) {
    return contact(link)
        .orElseThrow(
            () ->
                new SelfServiceRefusedException(
                    "noContact", "This link was not sent to a person whose details we keep."));
  }

  /**
   * Emails a fresh link to the address on file for the person an expired or revoked link was sent
   * to, at most {@value #FRESH_LINKS_PER_DAY} a day; never to an address typed on the page. An
   * unknown token, or a link that still works, sends nothing: the page says the same either way.
   *
   * @return the message queued, for sending at once
   */
  public Optional<Long> sendFreshLink(String token) {
    Optional<PortalLink> known = links.find(token);
    if (known.isEmpty() || known.get().opensAt(OffsetDateTime.now(clock))) {
      return Optional.empty();
    }
    PortalLink link = known.get();
    Customer customer = customer(link);
    Optional<Contact> to =
        contact(link)
            .filter(Contact::isEmailable)
            .or(() -> contacts.reachableOn(customer, Channel.EMAIL));
    LocalDate today = today(customer);
    if (to.isEmpty() || freshLinksOn(customer, today) >= FRESH_LINKS_PER_DAY) {
      return Optional.empty();
    }
    CustomerEmail text = CustomerEmail.freshLink(customer.getLocale());
    return Optional.of(
        outbox.queuePersonal(
            customer,
            today,
            Tone.FRIENDLY,
            to.get(),
            text.subject(""),
            text.body(
                to.get().getName(),
                customer.getName(),
                SenderDetails.LINK_PLACEHOLDER,
                sender.of(customer),
                ""),
            FRESH_LINK_ACTOR,
            clock.instant()));
  }

  /**
   * An approver could not agree to what the customer asked for on their page: the customer hears
   * it, with the approver's reason, an offer to find another way and their link, by email to the
   * person who asked (or whoever can be emailed). A proposal a person made is theirs to explain.
   */
  void rejected(@Observes ArrangementRejected rejected) {
    Arrangement arrangement = rejected.arrangement();
    if (!arrangement.getProposedBy().startsWith(ACTOR_PREFIX)) {
      return;
    }
    Customer customer = em.find(Customer.class, arrangement.getCustomerId());
    String asked = arrangement.getProposedBy().substring(ACTOR_PREFIX.length());
    Optional<Contact> to =
        contacts.contactsOf(customer).stream()
            .filter(c -> c.getName().equals(asked) && c.isEmailable())
            .findFirst()
            .or(() -> contacts.reachableOn(customer, Channel.EMAIL));
    if (to.isEmpty()) {
      return;
    }
    String invoices =
        arrangement.getInvoices().stream()
            .map(covered -> em.find(Invoice.class, covered.getInvoiceId()).getNumber())
            .collect(Collectors.joining(", "));
    CustomerEmail text = CustomerEmail.declined(customer.getLocale());
    outbox.queuePersonal(
        customer,
        today(customer),
        Tone.FRIENDLY,
        to.get(),
        text.subject(invoices),
        text.body(
            to.get().getName(),
            invoices,
            SenderDetails.LINK_PLACEHOLDER,
            sender.of(customer),
            rejected.note()),
        arrangement.getDecidedBy(),
        clock.instant());
  }

  /**
   * A person revokes every link to the customer's page that still opens it (a forwarded email, a
   * lost phone); the customer's next message brings a new one.
   *
   * @return how many links were revoked
   */
  public int revokeLinks(Customer customer, String actor) {
    int revoked = links.revokeAll(customer.getId(), null, actor);
    log.append(
        Entry.note(
            customer.getId(),
            clock.instant(),
            actor,
            "Links to the customer's page revoked ("
                + revoked
                + "); the next message brings a new one."));
    return revoked;
  }

  private int freshLinksOn(Customer customer, LocalDate date) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from outbox_message where customer_id = ?1"
                        + " and business_date = ?2 and kind = 'PERSONAL' and written_by = ?3")
                .setParameter(1, customer.getId())
                .setParameter(2, date)
                .setParameter(3, FRESH_LINK_ACTOR)
                .getSingleResult())
        .intValue();
  }

  /** Who acted, as the log and the case name them: the contact the link was sent to. */
  String actor(PortalLink link) {
    return Texts.clip(
        ACTOR_PREFIX
            + contact(link).map(Contact::getName).orElseGet(() -> customer(link).getNumber()),
        64);
  }

  private void logged(PortalLink link, String subject, String detail) {
    log.append(
        new Entry(
            link.getCustomerId(),
            clock.instant(),
            Channel.SELF_SERVICE,
            false,
            actor(link),
            null,
            subject,
            null,
            Outcome.RECORDED,
            Texts.clip(detail, 2000),
            null));
  }

  private List<OpenInvoice> chosen(Customer customer, List<String> numbers) {
    if (numbers == null || numbers.isEmpty()) {
      throw new SelfServiceRefusedException("invoices", "Choose at least one invoice.");
    }
    Map<String, OpenInvoice> open =
        openInvoices(customer).stream()
            .collect(
                Collectors.toMap(OpenInvoice::number, i -> i, (a, b) -> a, LinkedHashMap::new));
    List<OpenInvoice> chosen = new ArrayList<>();
    for (String number : Set.copyOf(numbers)) {
      OpenInvoice invoice = open.get(number);
      if (invoice == null) {
        throw new SelfServiceRefusedException(
            "notOpen", "Invoice " + number + " is not open any more.", number);
      }
      chosen.add(invoice);
    }
    if (chosen.stream().map(i -> i.open().currency()).distinct().count() > 1) {
      throw new SelfServiceRefusedException(
          "oneCurrency", "Choose invoices in one currency at a time.");
    }
    chosen.sort(Comparator.comparing(OpenInvoice::due).thenComparing(OpenInvoice::number));
    return chosen;
  }

  /** The files the customer sent from their page, newest first. */
  @SuppressWarnings("unchecked")
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<SentFile> files(Customer customer) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, file_name, media_type, octet_length(content), uploaded_at"
                    + " from customer_upload where customer_id = ?1 order by uploaded_at desc, id desc")
            .setParameter(1, customer.getId())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new SentFile(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    ((Number) row[3]).longValue(),
                    OffsetDateTime.ofInstant(SqlValues.instant(row[4]), ZoneOffset.UTC)))
        .toList();
  }

  /** What one of the customer's files holds; empty when it is not theirs. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<byte[]> content(Customer customer, long fileId) {
    return em.createNativeQuery(
            "select content from customer_upload where id = ?1 and customer_id = ?2")
        .setParameter(1, fileId)
        .setParameter(2, customer.getId())
        .getResultStream()
        .findFirst()
        .map(byte[].class::cast);
  }

  private Optional<Long> store(Customer customer, Upload upload) {
    if (upload == null || upload.content().length == 0) {
      return Optional.empty();
    }
    if (upload.content().length > Upload.MAX_BYTES) {
      throw new SelfServiceRefusedException("fileTooLarge", "The file is larger than 5 MB.");
    }
    String type =
        upload
            .mediaType()
            .orElseThrow(
                () ->
                    new SelfServiceRefusedException(
                        "fileType", "The file is not a PDF, PNG or JPEG."));
    long id =
        ((Number) em.createNativeQuery("select nextval('customer_upload_seq')").getSingleResult())
            .longValue();
    em.createNativeQuery(
            "insert into customer_upload (id, customer_id, file_name, media_type, content,"
                + " uploaded_at) values (?1, ?2, ?3, ?4, ?5, ?6)")
        .setParameter(1, id)
        .setParameter(2, customer.getId())
        .setParameter(3, upload.safeName())
        .setParameter(4, type)
        .setParameter(5, upload.content())
        .setParameter(6, OffsetDateTime.now(clock))
        .executeUpdate();
    return Optional.of(id);
  }

  private LocalDate businessDaysAfter(Customer customer, LocalDate from, int days) {
    Set<LocalDate> closed = holidays.byCountry(from).getOrDefault(customer.getCountry(), Set.of());
    LocalDate date = from;
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (date.getDayOfWeek() != DayOfWeek.SATURDAY
          && date.getDayOfWeek() != DayOfWeek.SUNDAY
          && !closed.contains(date)) {
        left--;
      }
    }
    return date;
  }

  /** The customer the link was sent to. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Customer customer(PortalLink link) {
    return em.find(Customer.class, link.getCustomerId());
  }

  private Optional<Contact> contact(PortalLink link) {
    return link.getContactId().map(id -> em.find(Contact.class, id));
  }

  private LocalDate today(Customer customer) {
    return LocalDate.now(clock.withZone(customer.getTimeZone()));
  }

  private static String plain(String text, int max, String field) {
    String value = blankToNull(text);
    if (value != null && (value.length() > max || Plausible.multilineText(value).isPresent())) {
      throw new SelfServiceRefusedException(
          field, "Please keep this to " + max + " characters of plain text.", max);
    }
    return value;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static List<String> numbersOf(List<OpenInvoice> invoices) {
    return invoices.stream().map(OpenInvoice::number).toList();
  }

  private static String numbers(List<OpenInvoice> invoices) {
    return String.join(", ", numbersOf(invoices));
  }
}
