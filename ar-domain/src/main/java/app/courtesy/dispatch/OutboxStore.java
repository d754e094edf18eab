package app.courtesy.dispatch;

import static app.courtesy.shared.SqlValues.date;
import static app.courtesy.shared.SqlValues.idList;

import app.courtesy.arrangement.ArrangementMessages;
import app.courtesy.charge.ReminderCharges;
import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.communication.Outcome;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.dunning.Holidays;
import app.courtesy.dunning.SendWindow;
import app.courtesy.monitoring.Meters;
import app.courtesy.outbox.MessageKind;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.outbox.Outbox;
import app.courtesy.outbox.OutboxMessage;
import app.courtesy.outbox.Suppression;
import app.courtesy.reminder.HtmlText;
import app.courtesy.reminder.ReminderContent;
import app.courtesy.reminder.ReminderModel;
import app.courtesy.reminder.ReminderTemplateService;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.SenderDetails;
import app.courtesy.reminder.TemplateExperiment;
import app.courtesy.reminder.TemplateExperiments;
import app.courtesy.reply.InboundReply;
import app.courtesy.reply.ReplyAddress;
import app.courtesy.selfservice.PortalLinks;
import app.courtesy.shared.ConcurrentChangeException;
import app.courtesy.shared.Money;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dispatcher's transactions: claiming due messages (and readying each for its courier), then
 * recording each outcome. Each is short, so a slow courier never holds a lock.
 */
@ApplicationScoped
@Transactional
public class OutboxStore {

  private static final String ACTOR = "reminders";

  /** When a message was handed over, as a mail server's log would show it. */
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * What a claim took: how many messages, and which of them go to a courier, under which claim
   * token.
   */
  public record Claimed(int count, List<Outgoing> ready, String token) {}

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private CommunicationLog log;
  @Inject private ContactService contacts;
  @Inject private ReminderTemplateService templates;
  @Inject private TemplateExperiments experiments;
  @Inject private SenderDetails sender;
  @Inject private Holidays holidays;
  @Inject private ArrangementMessages arrangements;
  @Inject private Bounces bounces;
  @Inject private Outbox outbox;
  @Inject private CaseService cases;
  @Inject private CaseReview review;
  @Inject private PortalLinks links;
  @Inject private ReplyAddress replyAddress;
  @Inject private Meters meters;
  @Inject private ReminderCharges charges;

  /** How long a reminder remembers that the customer said they had paid. */
  static final int REPORT_REMEMBERED_DAYS = 30;

  /**
   * Claims up to {@code limit} messages due at {@code now}, skipping rows another dispatcher holds,
   * and readies each: a message outside its recipient's window goes back to wait for it, one whose
   * invoices were all paid meanwhile or whose recipient cannot be reached is suppressed with the
   * reason, a phone step becomes a task for the collector.
   *
   * @return how many were claimed, and those to hand to couriers (claimed as {@link
   *     MessageStatus#SENDING})
   */
  public Claimed claim(Instant now, int limit, Outbox.Lease lease) {
    return ready(outbox.claimDue(now, limit, lease), now, lease);
  }

  /**
   * Claims the message {@code id} alone, whenever it is due, if it is still queued and no
   * dispatcher holds it, and readies it as {@link #claim(Instant, int)} does.
   */
  public Claimed claimOne(long id, Instant now, Outbox.Lease lease) {
    return ready(outbox.claim(id, now, lease).stream().toList(), now, lease);
  }

  private Claimed ready(List<OutboxMessage> claimed, Instant now, Outbox.Lease lease) {
    if (claimed.isEmpty()) {
      return new Claimed(0, List.of(), lease.token());
    }
    // The claim's changes to its messages (claimed, then written, postponed or suppressed) go to
    // the database once each, when the claim commits: nothing read while readying depends on them.
    em.setFlushMode(FlushModeType.COMMIT);
    List<Outgoing> ready = new ArrayList<>();
    Reads reads = read(claimed, now);
    for (OutboxMessage message : claimed) {
      prepare(message, now, reads).ifPresent(ready::add);
    }
    return new Claimed(claimed.size(), ready, lease.token());
  }

  /**
   * What readying a claim's messages reads, read once for all of them: a few statements per claim
   * rather than per message.
   *
   * @param holidays the holidays of every country around the claim
   * @param parsed the claim's templates parsed so far, by tone and language (and experiment and
   *     variant)
   * @param running the template experiments running at the claim
   * @param contacts each customer's contacts
   * @param invoices each reminder's invoices as they stand now ({@link #listed})
   * @param replyWaiting the customers whose reply holds their reminders ({@link #replyWaiting})
   */
  private record Reads(
      Map<String, Set<LocalDate>> holidays,
      Map<String, ReminderTemplates> parsed,
      List<TemplateExperiment> running,
      Map<Long, List<Contact>> contacts,
      Listed invoices,
      Set<Long> replyWaiting) {}

  private Reads read(List<OutboxMessage> claimed, Instant now) {
    Set<Long> customers =
        claimed.stream().map(OutboxMessage::getCustomerId).collect(Collectors.toSet());
    // Into the persistence context, where each message finds its customer.
    em.createQuery("select c from Customer c where c.id in :ids", Customer.class)
        .setParameter("ids", customers)
        .getResultList();
    List<OutboxMessage> reminders =
        claimed.stream().filter(m -> m.getKind() == MessageKind.REMINDER).toList();
    return new Reads(
        holidays.byCountry(now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1)),
        new HashMap<>(),
        experiments.running(),
        contacts.contactsOf(customers),
        listed(reminders),
        replyWaiting(customers));
  }

  /** The ids of {@code messages} as a list for an SQL {@code in}, where they are written. */
  private static String ids(List<OutboxMessage> messages) {
    return idList(messages.stream().map(OutboxMessage::getId).toList());
  }

  /**
   * What became of a message handed to its courier under the claim {@code token}, and when.
   *
   * @param receipt what the courier confirmed; null when it failed
   * @param failure why it failed, or why its outcome is unknown; null when it delivered
   */
  public record Delivery(
      Outgoing outgoing, String token, Instant at, String receipt, DeliveryException failure) {

    public Delivery(Outgoing outgoing, String token, Instant at, String receipt) {
      this(outgoing, token, at, receipt, null);
    }

    public Delivery(Outgoing outgoing, String token, Instant at, DeliveryException failure) {
      this(outgoing, token, at, null, failure);
    }
  }

  /**
   * The hand-overs of the claim {@code token}'s messages, for one lane to record each of its
   * messages' just before it may arrive; to be closed when the lane is done.
   */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public Outbox.HandOvers handOvers(String token) {
    return outbox.handOvers(token);
  }

  /**
   * Records what the couriers did with messages, in one transaction. An outcome whose claim no
   * longer holds its message (the lease ran out before it was handed over, and another dispatcher
   * took it) is left out: the message is that dispatcher's now. Customers are taken in the order of
   * their ids, so lanes recording at once wait for each other rather than deadlock.
   */
  public void record(List<Delivery> deliveries) {
    List<Delivery> byCustomer =
        deliveries.stream()
            .sorted(Comparator.comparingLong(delivery -> delivery.outgoing().customerId()))
            .toList();
    Set<Long> sent =
        outbox.sent(
            byCustomer.stream()
                .filter(delivery -> delivery.failure() == null)
                .map(
                    delivery ->
                        new Outbox.Sent(
                            delivery.outgoing().messageId(),
                            delivery.token(),
                            delivery.outgoing().contactId(),
                            delivery.at()))
                .toList());
    List<Entry> logged = new ArrayList<>();
    for (Delivery delivery : byCustomer) {
      Outgoing outgoing = delivery.outgoing();
      DeliveryException failure = delivery.failure();
      if (failure == null) {
        if (sent.contains(outgoing.messageId())) {
          logged.add(entry(outgoing, delivery.at(), Outcome.SENT, delivery.receipt()));
          meters.delivered(outgoing.channel());
        }
        continue;
      }
      OutboxMessage message = em.find(OutboxMessage.class, outgoing.messageId());
      if (!message.getClaimToken().orElse("").equals(delivery.token())
          || (message.getStatus() != MessageStatus.SENDING
              && message.getStatus() != MessageStatus.UNCONFIRMED)) {
        continue;
      }
      if (failure.isUnknown()) {
        logged.add(unconfirmed(outgoing, message, failure, delivery.at()));
      } else {
        failed(outgoing, message, failure, delivery.at()).ifPresent(logged::add);
      }
    }
    log.appendAll(logged);
  }

  /**
   * The courier handed the message over and the answer never came: it is unconfirmed, and the log
   * says what is known, for the person who checks.
   */
  private Entry unconfirmed(
      Outgoing outgoing, OutboxMessage message, DeliveryException failure, Instant at) {
    outbox.unconfirmed(message, failure.getMessage());
    meters.unconfirmed(outgoing.channel(), 1);
    return entry(
        outgoing, at, Outcome.UNCONFIRMED, failure.getMessage() + ". " + whatIsKnown(message));
  }

  /**
   * The courier failed: tried again later, or given up (and logged) when the failure is permanent
   * or the attempts are spent. An email address the server refuses for good is marked on the
   * contact, so it shows on the case and is not written to again.
   */
  private Optional<Entry> failed(
      Outgoing outgoing, OutboxMessage message, DeliveryException failure, Instant at) {
    boolean givenUp = outbox.failed(message, failure.getMessage(), failure.isPermanent(), at);
    meters.failed(outgoing.channel(), givenUp, failure.getMessage());
    if (failure.isPermanent() && outgoing.channel() == Channel.EMAIL) {
      bounces.addressRefused(
          em.find(Contact.class, outgoing.contactId()), failure.getMessage(), at);
    }
    return givenUp
        ? Optional.of(entry(outgoing, at, Outcome.FAILED, failure.getMessage()))
        : Optional.empty();
  }

  /**
   * Messages handed over under a claim whose lease ran out with no outcome recorded: their
   * dispatcher stopped in between, so each may have gone out. They are reported, never sent again
   * on their own.
   */
  public int reportUnconfirmed(Instant now) {
    List<OutboxMessage> stale = outbox.unconfirmed(now);
    for (OutboxMessage message : stale) {
      note(message, now, Outcome.UNCONFIRMED, Outbox.STOPPED + " " + whatIsKnown(message));
    }
    stale.stream()
        .collect(Collectors.groupingBy(OutboxMessage::getChannel, Collectors.counting()))
        .forEach(meters::unconfirmed);
    return stale.size();
  }

  /**
   * A person found that the unconfirmed message {@code id} arrived: it is sent, as of when it was
   * handed over.
   *
   * @throws ConcurrentChangeException when it is no longer unconfirmed (someone decided first)
   */
  public void confirmSent(long id, String person, Instant at) {
    OutboxMessage message = unconfirmed(id);
    outbox.confirmed(
        message, person, message.getHandedOverAt().map(OffsetDateTime::toInstant).orElse(at));
    decided(message, person, at, "Checked that it arrived and marked it sent.");
  }

  /**
   * A person sends the unconfirmed message {@code id} again: it is queued for now, and opens with a
   * line that says it is sent again, in case the customer has it already.
   *
   * @throws ConcurrentChangeException when it is no longer unconfirmed (someone decided first)
   */
  public void sendAgain(long id, String person, Instant at) {
    OutboxMessage message = unconfirmed(id);
    outbox.sendAgain(message, person, at);
    decided(
        message,
        person,
        at,
        "Sent it again, saying so: the customer may have the first one already.");
  }

  private OutboxMessage unconfirmed(long id) {
    OutboxMessage message = em.find(OutboxMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (message == null) {
      throw new NotFoundException("Message", id);
    }
    if (message.getStatus() != MessageStatus.UNCONFIRMED) {
      throw new ConcurrentChangeException("The message", message.getCheckedBy().orElse(null), null);
    }
    return message;
  }

  private void decided(OutboxMessage message, String person, Instant at, String what) {
    note(message, person, at, Outcome.RECORDED, "Unconfirmed " + message.label() + ": " + what);
  }

  /**
   * What a person checking an unconfirmed message can go by: where and when it was handed over, by
   * which node, and what to search for there.
   */
  static String whatIsKnown(OutboxMessage message) {
    String search =
        switch (message.getChannel()) {
          case EMAIL -> " as " + MailMessageId.of(message.getId());
          case SMS -> " with the idempotency key outbox-" + message.getId();
          default -> "";
        };
    return "Handed to "
        + message.getHandedTo().orElse("the server")
        + " at "
        + message.getHandedOverAt().map(WHEN::format).orElse("an unknown time")
        + search
        + message.getClaimedBy().map(node -> " by " + node).orElse("")
        + "; it may have arrived. Mark it sent once you know it did, or send it again.";
  }

  private Optional<Outgoing> prepare(OutboxMessage message, Instant now, Reads reads) {
    Customer customer = em.find(Customer.class, message.getCustomerId());
    SendWindow window =
        new SendWindow(
            customer.getTimeZone(), reads.holidays().getOrDefault(customer.getCountry(), Set.of()));
    // A collector's own email goes when they send it, as their mail program would send it.
    MessageKind kind = message.getKind();
    Instant earliest = kind == MessageKind.PERSONAL ? now : window.earliest(now);
    if (earliest.isAfter(now)) {
      outbox.postpone(message, earliest);
      return Optional.empty();
    }
    List<ReminderModel.DueInvoice> invoices =
        kind == MessageKind.REMINDER
            ? reads.invoices().stillOpen().getOrDefault(message.getId(), List.of())
            : List.of();
    if (invoices.isEmpty() && kind == MessageKind.REMINDER) {
      return suppressed(message, settled(message), now);
    }
    if (kind == MessageKind.INSTALMENT
        && !arrangements.stillDue(
            message.getArrangementId().orElseThrow(), message.getInstalmentNo())) {
      return suppressed(message, Suppression.PAID, now);
    }
    if ((kind == MessageKind.REMINDER || kind == MessageKind.INSTALMENT)
        && reads.replyWaiting().contains(message.getCustomerId())) {
      return suppressed(message, Suppression.REPLY_WAITING, now);
    }
    Optional<Contact> contact =
        kind == MessageKind.PERSONAL
            ? message
                .getContactId()
                .map(id -> em.find(Contact.class, id))
                .filter(Contact::isEmailable)
            : ContactService.reachableOn(
                reads.contacts().get(customer.getId()), message.getChannel());
    if (contact.isEmpty()) {
      boolean anyAddress =
          reads.contacts().get(customer.getId()).stream()
              .anyMatch(
                  c ->
                      message.getChannel() == Channel.EMAIL
                          ? c.getEmail() != null
                          : c.getMobile() != null);
      return suppressed(message, anyAddress ? Suppression.OPTED_OUT : Suppression.NO_ADDRESS, now);
    }
    Contact to = contact.get();
    LocalDate today = now.atZone(customer.getTimeZone()).toLocalDate();
    // Each message the customer reads carries a link of its own; a call has nothing to read.
    String link =
        message.getChannel() == Channel.PHONE
            ? sender.selfServiceBase()
            : sender.selfServiceLink(links.issue(customer.getId(), to.getId(), message.getId()));
    ReminderContent content = render(message, customer, to, invoices, today, reads, link);
    if (message.isSentAgain()) {
      content =
          ReminderTemplates.sentAgain(content, ReminderTemplates.languageOf(customer.getLocale()));
    }
    if (message.getChannel() == Channel.PHONE) {
      em.createNativeQuery(
              "insert into collector_task (customer_id, kind, due_on, title, message_id,"
                  + " created_at) values (?1, 'CALL', ?2, ?3, ?4, ?5)")
          .setParameter(1, customer.getId())
          .setParameter(2, today)
          .setParameter(3, "Call " + to.getName() + " about " + content.subject())
          .setParameter(4, message.getId())
          .setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
          .executeUpdate();
      // The case's figures are the review's to write: it finds the call due from the task.
      cases.findOpen(customer).ifPresent(open -> review.refresh(open, today));
      outbox.sent(message, to.getId(), now);
      log.append(
          new Entry(
              customer.getId(),
              now,
              Channel.PHONE,
              true,
              ACTOR,
              to.getPhone(),
              content.subject(),
              content.text(),
              Outcome.TASK,
              "A call for the collector's worklist",
              message.getId()));
      return Optional.empty();
    }
    boolean email = message.getChannel() == Channel.EMAIL;
    Optional<InboundReply> answers =
        message.getAnswersReplyId().map(id -> em.find(InboundReply.class, id));
    return Optional.of(
        new Outgoing(
            message.getId(),
            customer.getId(),
            to.getId(),
            message.getChannel(),
            to.getName(),
            switch (message.getChannel()) {
              case EMAIL -> to.getEmail();
              case SMS -> to.getMobile();
              default -> customer.getName();
            },
            content.subject(),
            content.text(),
            email ? content.html() : null,
            email ? link + "/unsubscribe/email" : null,
            email ? replyAddress.token(message.getId()) : null,
            answers.map(InboundReply::getMessageKey).orElse(null),
            answers.map(InboundReply::getThread).orElse(null),
            message.getWrittenBy().orElse(ACTOR)));
  }

  private Optional<Outgoing> suppressed(OutboxMessage message, Suppression why, Instant now) {
    outbox.suppress(message, why);
    note(message, now, Outcome.SUPPRESSED, why.description());
    return Optional.empty();
  }

  /**
   * Of each reminder, its invoices as they stand now.
   *
   * @param stillOpen each reminder's invoices with what is still open on them; an invoice paid (or
   *     credited, written off) since the run is left out. Of an invoice paid in instalments, the
   *     instalments the reminder lists, each with what is open on it now. In order of due date,
   *     then number.
   * @param reportedPaid of each reminder's invoices, those the customer said they had paid
   */
  private record Listed(
      Map<Long, List<ReminderModel.DueInvoice>> stillOpen,
      Map<Long, List<Reported>> reportedPaid) {}

  /** An invoice a reminder lists, as it stands now. */
  private record Invoice(
      long id,
      String number,
      BigDecimal open,
      BigDecimal allocated,
      LocalDate due,
      boolean issued,
      Reported reported) {}

  /** An instalment of an invoice, and how many the invoice has. */
  private record Instalment(
      int number, BigDecimal amount, BigDecimal through, LocalDate due, int of) {}

  private static final Comparator<ReminderModel.DueInvoice> LISTED_ORDER =
      Comparator.comparing(ReminderModel.DueInvoice::dueDate)
          .thenComparing(ReminderModel.DueInvoice::number)
          .thenComparingInt(ReminderModel.DueInvoice::instalment);

  /**
   * Each reminder's invoices as they stand now ({@link Listed}): the invoices read once for all of
   * the claim's reminders (they lie scattered over the table, a page each), the instalments only of
   * those that list some.
   */
  private Listed listed(List<OutboxMessage> reminders) {
    if (reminders.isEmpty()) {
      return new Listed(Map.of(), Map.of());
    }
    Map<Long, Map<Long, List<Integer>>> listed = new HashMap<>();
    Set<Long> inInstalments = new HashSet<>();
    for (Object found :
        em.createNativeQuery(
                "select id, invoice_ids, invoice_instalments from outbox_message where id in (%s)"
                    .formatted(ids(reminders)))
            .getResultList()) {
      Object[] lists = (Object[]) found;
      List<Long> ids = SqlValues.numbers(lists[1]);
      List<Long> instalments = SqlValues.numbers(lists[2]);
      Map<Long, List<Integer>> invoices = new HashMap<>();
      for (int i = 0; i < ids.size(); i++) {
        int instalment = instalments.isEmpty() ? 0 : instalments.get(i).intValue();
        invoices.computeIfAbsent(ids.get(i), id -> new ArrayList<>()).add(instalment);
        if (instalment > 0) {
          inInstalments.add(ids.get(i));
        }
      }
      listed.put(((Number) lists[0]).longValue(), invoices);
    }
    Map<Long, List<Invoice>> invoices = new HashMap<>();
    for (Object found :
        em.createNativeQuery(
                """
                select m.id, i.id, i.number, i.amount - i.allocated, i.allocated, i.due_date,
                       i.state = 'ISSUED', i.reported_paid_on, i.reported_paid_until
                  from outbox_message m join invoice i on i.id = any(m.invoice_ids)
                 where m.id in (%s)
                """
                    .formatted(ids(reminders)))
            .getResultList()) {
      Object[] row = (Object[]) found;
      invoices
          .computeIfAbsent(((Number) row[0]).longValue(), m -> new ArrayList<>())
          .add(
              new Invoice(
                  ((Number) row[1]).longValue(),
                  (String) row[2],
                  (BigDecimal) row[3],
                  (BigDecimal) row[4],
                  date(row[5]),
                  (Boolean) row[6],
                  row[7] == null ? null : new Reported(date(row[7]), date(row[8]))));
    }
    Map<Long, List<Instalment>> instalments = instalments(inInstalments);
    Map<Long, List<ReminderModel.DueInvoice>> open = new HashMap<>();
    Map<Long, List<Reported>> reported = new HashMap<>();
    for (OutboxMessage reminder : reminders) {
      Currency currency = Currency.getInstance(reminder.getCurrency());
      Map<Long, List<Integer>> lists = listed.getOrDefault(reminder.getId(), Map.of());
      List<ReminderModel.DueInvoice> due = new ArrayList<>();
      for (Invoice invoice : invoices.getOrDefault(reminder.getId(), List.of())) {
        if (invoice.reported() != null) {
          reported
              .computeIfAbsent(reminder.getId(), m -> new ArrayList<>())
              .add(invoice.reported());
        }
        if (!invoice.issued()) {
          continue;
        }
        for (int listedAs : lists.getOrDefault(invoice.id(), List.of())) {
          if (listedAs == 0) {
            if (invoice.open().signum() > 0) {
              due.add(
                  new ReminderModel.DueInvoice(
                      invoice.number(), new Money(invoice.open(), currency), invoice.due()));
            }
            continue;
          }
          for (Instalment instalment : instalments.getOrDefault(invoice.id(), List.of())) {
            BigDecimal left = instalment.through().subtract(invoice.allocated());
            if (instalment.number() == listedAs && left.signum() > 0) {
              due.add(
                  new ReminderModel.DueInvoice(
                      invoice.number(),
                      new Money(instalment.amount().min(left), currency),
                      instalment.due(),
                      instalment.number(),
                      instalment.of()));
            }
          }
        }
      }
      if (!due.isEmpty()) {
        due.sort(LISTED_ORDER);
        open.put(reminder.getId(), due);
      }
    }
    return new Listed(open, reported);
  }

  /** The instalments of {@code invoices}, by invoice. */
  private Map<Long, List<Instalment>> instalments(Set<Long> invoices) {
    if (invoices.isEmpty()) {
      return Map.of();
    }
    Map<Long, List<Instalment>> instalments = new HashMap<>();
    for (Object found :
        em.createNativeQuery(
                """
                select invoice_id, number, amount, amount_through, due_date,
                       count(*) over (partition by invoice_id)
                  from invoice_instalment where invoice_id in (%s)
                """
                    .formatted(idList(invoices)))
            .getResultList()) {
      Object[] row = (Object[]) found;
      instalments
          .computeIfAbsent(((Number) row[0]).longValue(), i -> new ArrayList<>())
          .add(
              new Instalment(
                  ((Number) row[1]).intValue(),
                  (BigDecimal) row[2],
                  (BigDecimal) row[3],
                  date(row[4]),
                  ((Number) row[5]).intValue()));
    }
    return instalments;
  }

  /**
   * Of {@code customers}, those who wrote to us and wait for our answer, where the settings hold
   * reminders for that: theirs wait too.
   */
  @SuppressWarnings("unchecked")
  private Set<Long> replyWaiting(Set<Long> customers) {
    return ((List<Object>)
            em.createNativeQuery(
                    """
                    select distinct r.customer_id from inbound_reply r
                     where r.state = 'TO_ANSWER' and r.customer_id in (%s)
                       and exists (select 1 from reminder_settings s
                                    where s.id = 1 and s.pause_on_reply)
                    """
                        .formatted(idList(customers)))
                .getResultList())
        .stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
  }

  /** An invoice the customer said they had paid: on which day, and until when we wait. */
  private record Reported(LocalDate on, LocalDate until) {}

  /**
   * When the customer told us, in the last {@value #REPORT_REMEMBERED_DAYS} days, that they had
   * paid one of the reminder's invoices ({@code reported}, as {@link #listed} reads them), and the
   * wait for that payment is over: the reminder thanks them for saying so. Null otherwise.
   */
  private static LocalDate reportedPaidOn(List<Reported> reported, LocalDate today) {
    LocalDate since = today.minusDays(REPORT_REMEMBERED_DAYS);
    return reported.stream()
        .filter(r -> r.until() != null && r.until().isBefore(today) && !r.on().isBefore(since))
        .map(Reported::on)
        .max(LocalDate::compareTo)
        .orElse(null);
  }

  /**
   * Why none of a reminder's invoices is open any more, in what happened to them: cancelled or
   * written off (any of them), credited by upholding a dispute, else paid.
   */
  private Suppression settled(OutboxMessage message) {
    List<?> found =
        em.createNativeQuery(
                """
                select case when i.state = 'CANCELLED' then 1
                            when i.state = 'WRITTEN_OFF' then 2
                            when exists (select 1 from dispute d
                                          where d.invoice_id = i.id and d.resolution = 'UPHELD')
                                 then 3
                            else 4 end as what
                  from outbox_message m join invoice i on i.id = any(m.invoice_ids)
                 where m.id = ?1
                 order by what
                 fetch first 1 rows only
                """)
            .setParameter(1, message.getId())
            .getResultList();
    int what = found.isEmpty() ? 4 : ((Number) found.get(0)).intValue();
    return switch (what) {
      case 1 -> Suppression.CANCELLED;
      case 2 -> Suppression.WRITTEN_OFF;
      case 3 -> Suppression.CREDITED;
      default -> Suppression.PAID;
    };
  }

  private ReminderContent render(
      OutboxMessage message,
      Customer customer,
      Contact to,
      List<ReminderModel.DueInvoice> invoices,
      LocalDate today,
      Reads reads,
      String link) {
    Locale locale = customer.getLocale();
    Locale language = ReminderTemplates.languageOf(locale);
    ReminderModel.Recipient recipient =
        new ReminderModel.Recipient(to.getSalutation(), to.getName(), locale);
    if (message.getKind() == MessageKind.PERSONAL) {
      String body = message.getBody().replace(SenderDetails.LINK_PLACEHOLDER, link);
      return new ReminderContent(message.getSubject(), body, HtmlText.html(body));
    }
    if (message.getKind().isArrangementLetter()) {
      return arrangements.write(
          message.getKind(),
          message.getArrangementId().orElseThrow(),
          message.getInstalmentNo(),
          customer,
          to,
          link);
    }
    if (message.getKind() == MessageKind.THANK_YOU) {
      return ReminderTemplates.thanks(language)
          .render(ReminderModel.thanks(recipient, customer.getName(), sender.of(customer), link));
    }
    Optional<TemplateExperiments.Assignment> assignment =
        experiments.variantOf(
            reads.running(),
            message.getPolicyId(),
            message.getStep() - 1,
            message.getTone(),
            language,
            customer.getId());
    outbox.written(
        message,
        language,
        assignment.map(a -> a.experiment().getId()).orElse(null),
        assignment.map(TemplateExperiments.Assignment::variant).orElse(null));
    return reads
        .parsed()
        .computeIfAbsent(
            message.getTone()
                + "/"
                + language
                + assignment.map(a -> "/" + a.experiment().getId() + a.variant()).orElse(""),
            k ->
                assignment
                    .map(TemplateExperiments.Assignment::templates)
                    .orElseGet(() -> templates.templates(message.getTone(), language)))
        .render(
            ReminderModel.withCharges(
                ReminderModel.of(
                    recipient,
                    customer.getName(),
                    invoices,
                    today,
                    sender.of(customer),
                    link,
                    reportedPaidOn(
                        reads.invoices().reportedPaid().getOrDefault(message.getId(), List.of()),
                        today)),
                charges.due(message.getId(), customer.getId(), message.getCurrency()),
                locale));
  }

  /** Logs what became of a message that did not reach a courier: no recipient, no content. */
  private void note(OutboxMessage message, Instant at, Outcome outcome, String detail) {
    note(message, ACTOR, at, outcome, detail);
  }

  /** Logs, as {@code actor}, what became of a message, with no recipient and no content. */
  private void note(
      OutboxMessage message, String actor, Instant at, Outcome outcome, String detail) {
    log.append(
        new Entry(
            message.getCustomerId(),
            at,
            message.getChannel(),
            true,
            actor,
            null,
            null,
            null,
            outcome,
            detail,
            message.getId()));
  }

  private static Entry entry(Outgoing outgoing, Instant at, Outcome outcome, String detail) {
    return new Entry(
        outgoing.customerId(),
        at,
        outgoing.channel(),
        true,
        outgoing.author(),
        outgoing.address(),
        outgoing.subject(),
        outgoing.text(),
        outcome,
        detail,
        outgoing.messageId());
  }
}
