package app.courtesy.reply;

import app.courtesy.collection.CaseReview;
import app.courtesy.collection.CaseService;
import app.courtesy.collection.EmailDraft;
import app.courtesy.communication.CommunicationLog;
import app.courtesy.communication.Entry;
import app.courtesy.communication.Outcome;
import app.courtesy.customer.Channel;
import app.courtesy.customer.Contact;
import app.courtesy.customer.ContactService;
import app.courtesy.customer.Customer;
import app.courtesy.customer.CustomerRepository;
import app.courtesy.dispatch.MailMessageId;
import app.courtesy.monitoring.Meters;
import app.courtesy.outbox.OutboxMessage;
import app.courtesy.shared.FileNames;
import app.courtesy.shared.NotFoundException;
import app.courtesy.shared.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What customers write back. Each message is kept once (its key is unique), matched to its customer
 * by the thread it answers, then the reply address it was sent to, then its sender (only when the
 * address or number is one customer's alone), and logged inbound on that customer's history. A
 * person's words wait for an answer: the case rises, and the reminders wait (a policy setting)
 * until a collector marks it handled or answers it. An automatic reply is logged and nothing more.
 * What matches no one waits on the Unmatched replies list.
 */
@ApplicationScoped
@Transactional
public class Replies {

  /** What became of a message handed in. */
  public enum Result {
    IMPORTED,
    /** Kept before: the same message read again, or by another node first. */
    ALREADY_IMPORTED
  }

  /** A message handed in, and where it stands. */
  public record Received(Result result, long replyId, ReplyState state) {}

  /** A reply with its customer (if matched), suggestions and attachments, for a page. */
  public record Shown(
      InboundReply reply,
      Optional<Customer> customer,
      List<ReplySuggestion> suggestions,
      List<Attachment> attachments) {}

  /** A file that came with a reply. */
  public record Attachment(long id, String fileName, String mediaType, long size) {}

  private static final Logger LOG = Logger.getLogger(Replies.class.getName());

  private static final String SMS_GATEWAY = "SMS gateway";

  /** A contact's mobile number without what people write between its digits. */
  private static final String MOBILE_DIGITS =
      "replace(replace(replace(replace(replace(replace(mobile, ' ', ''), '-', ''), '(', ''),"
          + " ')', ''), '.', ''), '/', '')";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private CommunicationLog log;
  @Inject private CaseService cases;
  @Inject private CaseReview review;
  @Inject private CustomerRepository customers;
  @Inject private ContactService contacts;
  @Inject private ReplyAddress replyAddress;
  @Inject private Clock clock;
  @Inject private Meters meters;

  /** The largest attachment kept; a larger one is named on the log, not stored. */
  @Inject
  @ConfigProperty(name = "ar.replies.attachment-max-bytes", defaultValue = "10485760")
  private int attachmentMaxBytes;

  /**
   * Keeps a message from a customer, once, and does what its kind asks: logs it on its customer's
   * history, holds the reminders while a person's words wait for an answer, and notes what the
   * words suggest.
   */
  public Received receive(Incoming message) {
    Optional<InboundReply> known = findByKey(message.key());
    if (known.isPresent()) {
      return new Received(Result.ALREADY_IMPORTED, known.get().getId(), known.get().getState());
    }
    Instant now = clock.instant();
    Match match = match(message);
    InboundReply reply =
        new InboundReply(message, match.answers(), OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    em.persist(reply);
    // The key is unique: a second node importing the same message fails here and rolls back.
    em.flush();
    List<String> notKept = store(reply, message.attachments(), match.customerId());
    if (match.customerId() != null) {
      Customer customer = em.find(Customer.class, match.customerId());
      LocalDate received = now.atZone(customer.getTimeZone()).toLocalDate();
      reply.matched(
          customer.getId(),
          match.contactId(),
          match.by(),
          reply.isAutomatic()
              ? AutoReplies.backOn(message.subject() + "\n" + message.text(), received).orElse(null)
              : null);
      logReceived(reply, customer, match.by(), notKept, now);
      if (!reply.isAutomatic()) {
        suggest(reply, received);
        cases.findOpen(customer).ifPresent(review::refresh);
      }
    } else if (!notKept.isEmpty()) {
      LOG.info(() -> "Unmatched reply " + reply.getId() + ": not kept " + notKept);
    }
    if (message.channel() == Channel.SMS && SmsKeywords.isStop(message.text())) {
      optOutOfSms(reply, now);
    }
    meters.replied();
    return new Received(Result.IMPORTED, reply.getId(), reply.getState());
  }

  /** The reply with that id. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public InboundReply getReply(long id) {
    return Optional.ofNullable(em.find(InboundReply.class, id))
        .orElseThrow(() -> new NotFoundException("Reply", id));
  }

  /** The reply with its customer, suggestions and attachments. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Shown show(long id) {
    return shown(getReply(id));
  }

  /** The replies not matched to any customer, oldest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Shown> unmatched() {
    return em
        .createQuery(
            "select r from InboundReply r where r.state = :state order by r.receivedAt, r.id",
            InboundReply.class)
        .setParameter("state", ReplyState.UNMATCHED)
        .setMaxResults(500)
        .getResultList()
        .stream()
        .map(this::shown)
        .toList();
  }

  /** The replies set aside as about no customer, newest first. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<InboundReply> discarded() {
    return em.createQuery(
            "select r from InboundReply r where r.state = :state"
                + " order by r.decidedAt desc, r.id desc",
            InboundReply.class)
        .setParameter("state", ReplyState.DISCARDED)
        .setMaxResults(100)
        .getResultList();
  }

  /**
   * The customer's replies, newest first: those still waiting for an answer, and the latest of the
   * rest.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<Shown> of(Customer customer, int latest) {
    return em
        .createQuery(
            "select r from InboundReply r where r.customerId = :customer"
                + " order by case when r.state = :waiting then 0 else 1 end,"
                + " r.receivedAt desc, r.id desc",
            InboundReply.class)
        .setParameter("customer", customer.getId())
        .setParameter("waiting", ReplyState.TO_ANSWER)
        .setMaxResults(latest)
        .getResultList()
        .stream()
        .map(this::shown)
        .toList();
  }

  /** Whether any of the customer's replies waits for an answer. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public boolean waitingFor(Customer customer) {
    return !em.createQuery(
            "select r.id from InboundReply r where r.customerId = :customer and r.state = :state",
            Long.class)
        .setParameter("customer", customer.getId())
        .setParameter("state", ReplyState.TO_ANSWER)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  /**
   * A collector read the reply and dealt with it: the reminders go on (unless another reply waits),
   * and the case drops back.
   */
  public void markHandled(long id, long readVersion, String actor) {
    InboundReply reply = waiting(id, readVersion, ReplyState.TO_ANSWER);
    reply.closed(ReplyState.HANDLED, actor, OffsetDateTime.now(clock));
    note(reply, actor, "Marked the reply of " + day(reply) + " handled.");
  }

  /**
   * Answers the customer's reply from their case: the collector's email (checked and queued as
   * {@link CaseService#sendEmail} does) goes out threaded under the reply, which is then answered.
   *
   * @return the email's outbox message id
   * @throws ReplyRefusedException when the reply is not this case's customer's, is an automatic
   *     one, or someone answered it already
   */
  public long answer(long id, long caseId, EmailDraft draft, String actor) {
    InboundReply reply = getReply(id);
    em.lock(reply, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(reply);
    long customerId = cases.getCase(caseId).getCustomer().getId();
    if (!reply.getCustomerId().map(c -> c == customerId).orElse(false)) {
      throw new ReplyRefusedException("That reply is not from this case's customer.");
    }
    if (reply.getState() == ReplyState.ANSWERED) {
      throw new ReplyRefusedException(
          "This reply was answered already by "
              + reply.getDecidedBy().orElse("a collector")
              + "; its answer is on the timeline.");
    }
    if (reply.isAutomatic()) {
      throw new ReplyRefusedException(
          "That is an automatic reply (an out-of-office): it is never answered.");
    }
    long messageId = cases.sendEmail(caseId, draft, actor);
    reply.closed(ReplyState.ANSWERED, actor, OffsetDateTime.now(clock));
    em.createNativeQuery("update outbox_message set answers_reply_id = ?1 where id = ?2")
        .setParameter(1, reply.getId())
        .setParameter(2, messageId)
        .executeUpdate();
    refresh(reply);
    return messageId;
  }

  /**
   * Assigns an unmatched reply to the customer it is about: it is logged on their history, with its
   * attachments among their files, and waits for an answer like any reply that found its customer.
   */
  public void assign(long id, long readVersion, @NotBlank String customerNumber, String actor) {
    InboundReply reply = waiting(id, readVersion, ReplyState.UNMATCHED);
    Customer customer =
        customers
            .findByNumber(customerNumber.strip())
            .orElseThrow(
                () ->
                    new ReplyRefusedException(
                        "Customer: there is no customer " + customerNumber.strip() + "."));
    Instant now = clock.instant();
    reply.assigned(customer.getId(), actor, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
    em.createNativeQuery("update customer_upload set customer_id = ?1 where reply_id = ?2")
        .setParameter(1, customer.getId())
        .setParameter(2, reply.getId())
        .executeUpdate();
    logReceived(reply, customer, MatchedBy.COLLECTOR, List.of(), reply.getReceivedAt().toInstant());
    note(reply, actor, "Assigned the reply of " + day(reply) + " to this customer.");
    suggest(reply, now.atZone(customer.getTimeZone()).toLocalDate());
  }

  /** Sets an unmatched reply aside as about no customer, with the reason, which is kept. */
  public void discard(
      long id, long readVersion, @NotBlank @Size(max = 500) String reason, String actor) {
    InboundReply reply = waiting(id, readVersion, ReplyState.UNMATCHED);
    reply.discarded(reason.strip(), actor, OffsetDateTime.now(clock));
    LOG.info(() -> actor + " discarded reply " + id + " from " + reply.getSender() + ": " + reason);
  }

  /** The collector took up or turned down what a reply suggested. */
  public ReplySuggestion decide(long suggestionId, boolean accepted, String actor) {
    ReplySuggestion suggestion =
        Optional.ofNullable(em.find(ReplySuggestion.class, suggestionId))
            .orElseThrow(() -> new NotFoundException("Suggestion", suggestionId));
    if (suggestion.getState() == ReplySuggestion.State.OPEN) {
      suggestion.decide(
          accepted ? ReplySuggestion.State.ACCEPTED : ReplySuggestion.State.DISMISSED, actor);
    }
    return suggestion;
  }

  /** The email as it was received, headers and all; empty for an SMS. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<byte[]> original(long replyId) {
    return em.createNativeQuery("select original from inbound_reply where id = ?1")
        .setParameter(1, replyId)
        .getResultStream()
        .filter(Objects::nonNull)
        .findFirst()
        .map(byte[].class::cast);
  }

  /** The content of a file that came with a reply. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<byte[]> attachment(long replyId, long fileId) {
    return em.createNativeQuery(
            "select content from customer_upload where id = ?1 and reply_id = ?2")
        .setParameter(1, fileId)
        .setParameter(2, replyId)
        .getResultStream()
        .findFirst()
        .map(byte[].class::cast);
  }

  private Optional<InboundReply> findByKey(String key) {
    return em.createQuery(
            "select r from InboundReply r where r.messageKey = :key", InboundReply.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  private InboundReply waiting(long id, long readVersion, ReplyState expected) {
    InboundReply reply = getReply(id);
    em.lock(reply, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(reply);
    reply.requireVersion(readVersion);
    if (reply.getState() != expected) {
      throw new ReplyRefusedException(
          "This reply is "
              + reply.getState().name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + " already"
              + reply.getDecidedBy().map(by -> " (by " + by + ")").orElse("")
              + ".");
    }
    return reply;
  }

  /** Who the message is from, as far as its headers, reply address or sender tell. */
  private record Match(Long customerId, Long contactId, MatchedBy by, Long answers) {}

  private Match match(Incoming message) {
    Optional<OutboxMessage> answered =
        message.refersTo().stream()
            .map(MailMessageId::outboxId)
            .filter(OptionalLong::isPresent)
            .map(id -> em.find(OutboxMessage.class, id.getAsLong()))
            .filter(m -> m != null)
            .findFirst();
    if (answered.isPresent()) {
      return matched(answered.get(), MatchedBy.THREAD);
    }
    Optional<OutboxMessage> addressed =
        message.recipients().stream()
            .map(replyAddress::messageId)
            .filter(OptionalLong::isPresent)
            .map(id -> em.find(OutboxMessage.class, id.getAsLong()))
            .filter(m -> m != null)
            .findFirst();
    if (addressed.isPresent()) {
      return matched(addressed.get(), MatchedBy.ADDRESS);
    }
    boolean sms = message.channel() == Channel.SMS;
    List<?> owners =
        sms
            ? withMobile(message.sender())
            : em.createNativeQuery(
                    "select customer_id, id from contact where lower(email) = ?1 order by id")
                .setParameter(1, message.sender().strip().toLowerCase(Locale.ROOT))
                .getResultList();
    long customersOwning =
        owners.stream().map(row -> ((Object[]) row)[0]).map(Object::toString).distinct().count();
    if (customersOwning != 1) {
      return new Match(null, null, null, null);
    }
    Object[] owner = (Object[]) owners.get(0);
    return new Match(
        ((Number) owner[0]).longValue(),
        ((Number) owner[1]).longValue(),
        sms ? MatchedBy.PHONE : MatchedBy.SENDER,
        null);
  }

  private static Match matched(OutboxMessage message, MatchedBy by) {
    return new Match(
        message.getCustomerId(), message.getContactId().orElse(null), by, message.getId());
  }

  /**
   * The contacts (customer id, contact id) whose mobile number is {@code number}, however either is
   * written: compared as digits with a leading + (00 read as +), without spaces, dashes, dots,
   * slashes or brackets.
   */
  private List<?> withMobile(String number) {
    return em.createNativeQuery(
            "select customer_id, id from contact where mobile is not null and ?1 = (case when "
                + MOBILE_DIGITS
                + " like '00%' then '+' || substring("
                + MOBILE_DIGITS
                + ", 3) else "
                + MOBILE_DIGITS
                + " end) order by id")
        .setParameter(1, digits(number))
        .getResultList();
  }

  static String digits(String number) {
    String digits = number.replaceAll("[^0-9+]", "");
    return digits.startsWith("00") ? "+" + digits.substring(2) : digits;
  }

  /** Stores the attachments small enough to keep; returns what was not kept and why. */
  private List<String> store(InboundReply reply, List<Incoming.Attachment> files, Long customerId) {
    List<String> notKept = new ArrayList<>();
    for (Incoming.Attachment file : files) {
      if (file.content().length > attachmentMaxBytes) {
        notKept.add(
            file.fileName()
                + " ("
                + megabytes(file.content().length)
                + ", over the "
                + megabytes(attachmentMaxBytes)
                + " limit)");
        continue;
      }
      long id =
          ((Number) em.createNativeQuery("select nextval('customer_upload_seq')").getSingleResult())
              .longValue();
      em.createNativeQuery(
              "insert into customer_upload (id, customer_id, reply_id, file_name, media_type,"
                  + " content, uploaded_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
          .setParameter(1, id)
          .setParameter(2, customerId)
          .setParameter(3, reply.getId())
          .setParameter(4, FileNames.safe(file.fileName(), "attachment"))
          .setParameter(5, mediaType(file.mediaType()))
          .setParameter(6, file.content())
          .setParameter(7, reply.getReceivedAt())
          .executeUpdate();
    }
    return notKept;
  }

  private static String megabytes(long bytes) {
    return bytes % 1_048_576 == 0
        ? bytes / 1_048_576 + " MB"
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }

  private static String mediaType(String type) {
    String base = type == null ? "" : type.split(";")[0].strip().toLowerCase(Locale.ROOT);
    return base.matches("[a-z0-9!#$&^_.+-]{1,40}/[a-z0-9!#$&^_.+-]{1,50}")
        ? base
        : "application/octet-stream";
  }

  private void logReceived(
      InboundReply reply, Customer customer, MatchedBy by, List<String> notKept, Instant at) {
    String who =
        reply
            .getSenderName()
            .filter(n -> !n.isBlank())
            .or(
                () ->
                    reply
                        .getContactId()
                        .map(id -> em.find(Contact.class, id))
                        .map(Contact::getName))
            .orElse(reply.getSender());
    StringBuilder detail = new StringBuilder();
    if (reply.isAutomatic()) {
      detail.append("An automatic reply (out of office)");
      reply
          .getBackOn()
          .ifPresent(
              back ->
                  detail
                      .append(", back on ")
                      .append(back.format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK))));
      detail.append(". Not answered; reminders go on as planned.");
    } else {
      detail.append(reply.getChannel().equals("SMS") ? "An SMS reply" : "A reply");
      reply
          .getAnswersId()
          .map(id -> em.find(OutboxMessage.class, id))
          .ifPresent(m -> detail.append(" to our message of ").append(m.getBusinessDate()));
      detail
          .append(", ")
          .append(
              switch (by) {
                case THREAD -> "found by its thread";
                case ADDRESS -> "found by the reply address";
                case SENDER -> "found by the sender's address";
                case PHONE -> "found by the mobile number";
                case COLLECTOR -> "assigned by a collector";
              })
          .append(".");
      List<String> files = attachmentsOf(reply).stream().map(Attachment::fileName).toList();
      if (!files.isEmpty()) {
        detail.append(" Attached: ").append(String.join(", ", files)).append(".");
      }
      if (!notKept.isEmpty()) {
        detail.append(" Not kept: ").append(String.join(", ", notKept)).append(".");
      }
    }
    log.append(
        new Entry(
            customer.getId(),
            at,
            Channel.valueOf(reply.getChannel()),
            false,
            Texts.clip("Customer: " + who, 64),
            reply.getSender(),
            reply.getSubject(),
            reply.getBody(),
            reply.isAutomatic() ? Outcome.AUTOMATIC : Outcome.RECEIVED,
            detail.toString(),
            reply.getAnswersId().orElse(null)));
  }

  private void suggest(InboundReply reply, LocalDate received) {
    for (Suggestion suggestion : ReplyReading.suggestions(reply.getNewText(), received)) {
      em.persist(new ReplySuggestion(reply.getId(), suggestion));
    }
  }

  /**
   * "STOP" by SMS: every contact with that mobile number is opted out of SMS at once, whoever they
   * belong to, and the reply needs no answer.
   */
  private void optOutOfSms(InboundReply reply, Instant now) {
    for (Object owner : withMobile(reply.getSender())) {
      Contact contact = em.find(Contact.class, ((Number) ((Object[]) owner)[1]).longValue());
      if (contacts.correct(contact, ContactService.Correction.of(contact).optedOut(Channel.SMS))) {
        log.append(
            Entry.note(
                contact.getCustomer().getId(),
                now,
                SMS_GATEWAY,
                contact.getName()
                    + " answered STOP by SMS: no more reminders by SMS to "
                    + reply.getSender()
                    + "."));
      }
    }
    if (reply.getState() == ReplyState.TO_ANSWER) {
      reply.closed(ReplyState.HANDLED, SMS_GATEWAY, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      refresh(reply);
    }
  }

  private void note(InboundReply reply, String actor, String text) {
    log.append(Entry.note(reply.getCustomerId().orElseThrow(), clock.instant(), actor, text));
    refresh(reply);
  }

  private void refresh(InboundReply reply) {
    em.flush();
    cases
        .findOpen(em.find(Customer.class, reply.getCustomerId().orElseThrow()))
        .ifPresent(review::refresh);
  }

  private Shown shown(InboundReply reply) {
    return new Shown(
        reply,
        reply.getCustomerId().map(id -> em.find(Customer.class, id)),
        em.createQuery(
                "select s from ReplySuggestion s where s.replyId = :reply order by s.id",
                ReplySuggestion.class)
            .setParameter("reply", reply.getId())
            .getResultList(),
        attachmentsOf(reply));
  }

  @SuppressWarnings("unchecked")
  private List<Attachment> attachmentsOf(InboundReply reply) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, file_name, media_type, octet_length(content) from customer_upload"
                    + " where reply_id = ?1 order by id")
            .setParameter(1, reply.getId())
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Attachment(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    ((Number) row[3]).longValue()))
        .collect(Collectors.toList());
  }

  private static String day(InboundReply reply) {
    return reply.getReceivedAt().format(DateTimeFormatter.ofPattern("d MMM", Locale.UK));
  }
}
