package app.courtesy.outbox;

import app.courtesy.customer.Contact;
import app.courtesy.customer.Customer;
import app.courtesy.database.DatabaseSchema;
import app.courtesy.reminder.ReminderPolicyService;
import app.courtesy.reminder.Tone;
import app.courtesy.reminder.Variant;
import app.courtesy.shared.BatchWrite;
import app.courtesy.shared.Money;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The only writer of the outbox ({@code outbox_message}): what is queued, under which
 * de-duplication key, and every step of a message on its way (claimed, postponed, sent, suppressed,
 * failed, unconfirmed). Whoever plans messages queues them here, one at a time or as the rows of
 * one set-based statement; the dispatcher claims and records through it.
 *
 * <p>Every message carries a key that names what it stands for ({@code reminder/42/EUR/2026-12-02}:
 * customer 42's reminder in euros of that business date; {@code instalment/7/2}: the note before
 * arrangement 7's second instalment). The key is unique, so planning the same thing again adds
 * nothing.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class Outbox {

  /**
   * The columns a set-based plan selects, in this order, for {@link #queueAll}: a reminder's step
   * (counted from 0; null for other kinds), its invoices' ids (null where it lists none) and which
   * instalment of each it lists (0: the whole invoice; in the same order), a reason with the status
   * {@code SUPPRESSED}, the key (see {@link #keySql}), an arrangement's letter's arrangement and
   * instalment (null and 0 otherwise).
   */
  public static final String PLANNED_COLUMNS =
      "customer_id, currency, business_date, policy_id, step_position, channel, tone,"
          + " invoice_count, total, invoice_ids, invoice_instalments, status, reason, scheduled_at,"
          + " dedup_key,"
          + " arrangement_id, instalment_no";

  /**
   * Why a message whose dispatcher did not record the server's answer within its lease is
   * unconfirmed: the node stopped, or could not reach the database in time.
   */
  public static final String STOPPED =
      "The sender did not record the server's answer in time: its node stopped or lost the"
          + " database.";

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Resource(lookup = DatabaseSchema.DATA_SOURCE)
  private DataSource dataSource;

  @Inject private ReminderPolicyService policies;

  /**
   * The key of a message of {@code kind} about {@code parts}, as {@link #keySql} writes it in SQL.
   */
  public static String key(MessageKind kind, Object... parts) {
    return Arrays.stream(parts)
        .map(String::valueOf)
        .collect(Collectors.joining("/", prefix(kind) + "/", ""));
  }

  /**
   * The SQL expression of the key of a message of {@code kind} about the values of {@code columns},
   * for {@link #queueAll}: the same text as {@link #key} gives for the same values (dates as ISO
   * dates).
   */
  public static String keySql(MessageKind kind, String... columns) {
    return Arrays.stream(columns)
        .map(column -> "cast(" + column + " as varchar(40))")
        .collect(Collectors.joining(" || '/' || ", "'" + prefix(kind) + "/' || ", ""));
  }

  private static String prefix(MessageKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Queues the messages {@code select} finds, as one statement; a message whose key is already in
   * the outbox must not be selected again.
   *
   * @param select a query of {@link #PLANNED_COLUMNS}, in that order, with positional parameters
   * @param parameters its parameters, the first for {@code ?1}
   * @return how many were queued (suppressed ones included)
   */
  public int queueAll(MessageKind kind, String select, Object... parameters) {
    Query insert =
        em.createNativeQuery(
            "insert into outbox_message ("
                + PLANNED_COLUMNS
                + ", kind, attempts, version) select x.*, '"
                + kind.name()
                + "', 0, 0 from ("
                + select
                + ") x");
    for (int i = 0; i < parameters.length; i++) {
      insert.setParameter(i + 1, parameters[i]);
    }
    return insert.executeUpdate();
  }

  /**
   * Queues a collector's email, due at {@code at}, to the contact they chose, as written.
   *
   * @return the message's id
   */
  public long queuePersonal(
      Customer customer,
      LocalDate date,
      Tone tone,
      Contact to,
      String subject,
      String body,
      String writtenBy,
      Instant at) {
    Number sameDay =
        (Number)
            em.createNativeQuery(
                    "select count(*) from outbox_message where customer_id = ?1"
                        + " and business_date = ?2 and kind = 'PERSONAL'")
                .setParameter(1, customer.getId())
                .setParameter(2, date)
                .getSingleResult();
    String key = key(MessageKind.PERSONAL, customer.getId(), date, sameDay.intValue() + 1);
    insert(
        new Row(
            MessageKind.PERSONAL,
            key,
            customer,
            customer.getCurrency().getCurrencyCode(),
            date,
            tone,
            0,
            BigDecimal.ZERO,
            at),
        to.getId(),
        subject,
        body,
        writtenBy,
        null,
        0);
    return idOf(key);
  }

  /** Queues thanks for a kept promise to pay, once per promise, for {@code opens}. */
  public void queuePromiseThanks(
      long promiseId, Customer customer, String currency, LocalDate date, Instant opens) {
    insert(
        new Row(
            MessageKind.THANK_YOU,
            key(MessageKind.THANK_YOU, "promise", promiseId),
            customer,
            currency,
            date,
            Tone.FRIENDLY,
            0,
            BigDecimal.ZERO,
            opens),
        null,
        null,
        null,
        null,
        null,
        0);
  }

  /**
   * Queues a letter about an arrangement, once per arrangement (the confirmation) or instalment (a
   * "we noticed" message), for {@code opens}.
   *
   * @param instalment the instalment it is about; 0 for the confirmation
   */
  public void queueLetter(
      MessageKind kind,
      long arrangementId,
      int instalment,
      Customer customer,
      Money covered,
      int invoiceCount,
      LocalDate date,
      Tone tone,
      Instant opens) {
    if (!kind.isArrangementLetter()) {
      throw new IllegalArgumentException("Not a letter about an arrangement: " + kind);
    }
    String key =
        kind == MessageKind.AGREED
            ? key(kind, arrangementId)
            : key(kind, arrangementId, instalment);
    insert(
        new Row(
            kind,
            key,
            customer,
            covered.currency().getCurrencyCode(),
            date,
            tone,
            invoiceCount,
            covered.amount(),
            opens),
        null,
        null,
        null,
        null,
        arrangementId,
        instalment);
  }

  /** What every message queued one at a time has. */
  private record Row(
      MessageKind kind,
      String key,
      Customer customer,
      String currency,
      LocalDate date,
      Tone tone,
      int invoiceCount,
      BigDecimal total,
      Instant scheduledAt) {}

  private void insert(
      Row row,
      Long contactId,
      String subject,
      String body,
      String writtenBy,
      Long arrangementId,
      int instalment) {
    em.createNativeQuery(
            """
            insert into outbox_message (customer_id, currency, business_date, policy_id, channel,
                                        tone, invoice_count, total, status, scheduled_at, attempts,
                                        version, kind, dedup_key, contact_id, subject, body,
                                        written_by, arrangement_id, instalment_no)
            values (?1, ?2, ?3, ?4, 'EMAIL', ?5, ?6, ?7, 'QUEUED', ?8, 0, 0, ?9, ?10,
                    cast(?11 as bigint), ?12, ?13, ?14, cast(?15 as bigint), ?16)
            """)
        .setParameter(1, row.customer().getId())
        .setParameter(2, row.currency())
        .setParameter(3, row.date())
        .setParameter(
            4,
            row.customer().getReminderPolicyId().orElseGet(() -> policies.defaultPolicy().getId()))
        .setParameter(5, row.tone().name())
        .setParameter(6, row.invoiceCount())
        .setParameter(7, row.total())
        .setParameter(8, OffsetDateTime.ofInstant(row.scheduledAt(), ZoneOffset.UTC))
        .setParameter(9, row.kind().name())
        .setParameter(10, row.key())
        .setParameter(11, contactId)
        .setParameter(12, subject)
        .setParameter(13, body)
        .setParameter(14, writtenBy)
        .setParameter(15, arrangementId)
        .setParameter(16, instalment)
        .executeUpdate();
  }

  private long idOf(String key) {
    return ((Number)
            em.createNativeQuery("select id from outbox_message where dedup_key = ?1")
                .setParameter(1, key)
                .getSingleResult())
        .longValue();
  }

  @Transactional(TxType.SUPPORTS)
  public Optional<OutboxMessage> find(long id) {
    return Optional.ofNullable(em.find(OutboxMessage.class, id));
  }

  /**
   * Who claims: a dispatcher's claim token (new for every claim), the node it runs on, and until
   * when the claim holds.
   */
  public record Lease(String token, String node, Instant until) {}

  /**
   * Claims up to {@code limit} messages under {@code lease}, skipping rows another dispatcher
   * holds: first those whose earlier claim ran out before they were handed over (their dispatcher
   * stopped), then those due at {@code now}, oldest first. Each is {@link MessageStatus#SENDING}
   * with one more attempt.
   */
  public List<OutboxMessage> claimDue(Instant now, int limit, Lease lease) {
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    List<Object> ids =
        new ArrayList<>(
            em.createNativeQuery(
                    "select id from outbox_message where status = 'SENDING'"
                        + " and handed_over_at is null and lease_until < ?1"
                        + " order by id fetch first ?2 rows only for update skip locked")
                .setParameter(1, at)
                .setParameter(2, limit)
                .getResultList());
    if (ids.size() < limit) {
      ids.addAll(
          em.createNativeQuery(
                  "select id from outbox_message where status = 'QUEUED' and scheduled_at <= ?1"
                      + " order by scheduled_at, id fetch first ?2 rows only for update skip locked")
              .setParameter(1, at)
              .setParameter(2, limit - ids.size())
              .getResultList());
    }
    return claim(ids, now, lease);
  }

  /**
   * Claims the message {@code id} under {@code lease} if it is queued and no dispatcher holds it,
   * whenever it is due.
   */
  public Optional<OutboxMessage> claim(long id, Instant now, Lease lease) {
    return claim(
            em.createNativeQuery(
                    "select id from outbox_message where id = ?1 and status = 'QUEUED'"
                        + " for update skip locked")
                .setParameter(1, id)
                .getResultList(),
            now,
            lease)
        .stream()
        .findFirst();
  }

  /** Claims the messages {@code ids}, read in one statement, in the order of {@code ids}. */
  private List<OutboxMessage> claim(List<?> ids, Instant now, Lease lease) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, OutboxMessage> read =
        em.createQuery("select m from OutboxMessage m where m.id in :ids", OutboxMessage.class)
            .setParameter("ids", ids.stream().map(id -> ((Number) id).longValue()).toList())
            .getResultStream()
            .collect(Collectors.toMap(OutboxMessage::getId, Function.identity()));
    List<OutboxMessage> claimed = new ArrayList<>();
    for (Object id : ids) {
      OutboxMessage message = read.get(((Number) id).longValue());
      message.claim(now, lease.token(), lease.node(), lease.until());
      claimed.add(message);
    }
    return claimed;
  }

  /**
   * The hand-overs of the claim {@code token}'s messages, on a connection of their own until
   * closed: a lane of the dispatcher opens them once for its share of a claim. Each is committed
   * the moment it is made, so it is never made without a transaction of its own, and never held
   * back by another's; the lane needs no connection and no transaction per email. Opened outside
   * any transaction, so that the connection is not part of one.
   *
   * @throws IllegalStateException when the database cannot be reached: nothing may be sent
   */
  @Transactional(TxType.NOT_SUPPORTED)
  public HandOvers handOvers(String token) {
    try {
      Connection connection = dataSource.getConnection();
      try {
        // The pool may hand a connection out with autocommit off, as a transaction left it.
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        return new HandOvers(
            token,
            connection,
            autoCommit,
            connection.prepareStatement(
                """
                update outbox_message
                   set handed_over_at = ?, handed_to = ?, version = version + 1
                 where id = ? and claim_token = ? and status = 'SENDING'
                """));
      } catch (SQLException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw unreachable("open the hand-overs of claim " + token, e);
    }
  }

  private static IllegalStateException unreachable(String what, SQLException cause) {
    return new IllegalStateException("Could not " + what, cause);
  }

  /**
   * Records that messages of one claim are being handed to a server, each in autocommit on the
   * connection they hold. Not for use by several threads at once.
   */
  public static final class HandOvers implements AutoCloseable {

    private final String token;
    private final Connection connection;
    private final boolean autoCommit;
    private final PreparedStatement update;

    private HandOvers(
        String token, Connection connection, boolean autoCommit, PreparedStatement update) {
      this.token = token;
      this.connection = connection;
      this.autoCommit = autoCommit;
      this.update = update;
    }

    /**
     * Records, committed, that the message {@code id} is being handed to {@code server} now, if the
     * claim still holds it (its lease may have run out and another dispatcher claimed it since).
     *
     * @return false when the claim is no longer this one's: the message must not be sent
     * @throws IllegalStateException when the database cannot be reached: the message must not be
     *     sent either
     */
    public boolean handOver(long id, String server, Instant at) {
      try {
        update.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        update.setString(2, server);
        update.setLong(3, id);
        update.setString(4, token);
        return update.executeUpdate() == 1;
      } catch (SQLException e) {
        throw unreachable("record that message " + id + " is handed over", e);
      }
    }

    /** Gives the connection back to the pool as it came. */
    @Override
    public void close() {
      try (connection;
          update) {
        connection.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        throw unreachable("close the hand-overs of claim " + token, e);
      }
    }
  }

  /**
   * That the message {@code id}, claimed under {@code token}, went to the contact {@code contactId}
   * at {@code at}.
   */
  public record Sent(long id, String token, long contactId, Instant at) {}

  /**
   * Records that messages went to their contacts, where their claims still hold them, as {@link
   * OutboxMessage#sent} does, in one batch of statements: a round of reminders records a claim's
   * emails at once.
   *
   * @return the ids of the messages recorded; one its claim no longer holds (another dispatcher
   *     does) is left out
   */
  public Set<Long> sent(List<Sent> sent) {
    int[] changed =
        BatchWrite.rows(
            em,
            """
            update outbox_message
               set status = 'SENT', contact_id = ?, sent_at = ?, last_error = null,
                   version = version + 1
             where id = ? and claim_token = ? and status in ('SENDING', 'UNCONFIRMED')
            """,
            sent,
            (update, message) -> {
              update.setLong(1, message.contactId());
              update.setObject(2, OffsetDateTime.ofInstant(message.at(), ZoneOffset.UTC));
              update.setLong(3, message.id());
              update.setString(4, message.token());
            });
    Set<Long> recorded = new HashSet<>();
    for (int i = 0; i < changed.length; i++) {
      if (changed[i] == 1) {
        recorded.add(sent.get(i).id());
      }
    }
    return recorded;
  }

  /** Hands a claim back unspent: the message waits until {@code at} (its recipient's window). */
  public void postpone(OutboxMessage message, Instant at) {
    message.postpone(at);
  }

  /**
   * Records that {@code message} was written in {@code language}, in the variant of a template
   * experiment when its step runs one (see {@code TemplateExperiments}).
   */
  public void written(OutboxMessage message, Locale language, Long experimentId, Variant variant) {
    message.written(language, experimentId, variant);
  }

  public void suppress(OutboxMessage message, Suppression why) {
    message.suppress(why);
  }

  public void sent(OutboxMessage message, long contactId, Instant at) {
    message.sent(contactId, at);
  }

  /**
   * Records a failed attempt (see {@link OutboxMessage#failed}).
   *
   * @return true when the message is given up
   */
  public boolean failed(OutboxMessage message, String error, boolean permanent, Instant at) {
    return message.failed(error, permanent, at);
  }

  /**
   * Marks unconfirmed every message handed over under a claim whose lease ran out before {@code
   * now} with nothing recorded: its dispatcher stopped after handing it to the server, so it may
   * have gone out.
   */
  public List<OutboxMessage> unconfirmed(Instant now) {
    List<OutboxMessage> stale =
        em.createQuery(
                "select m from OutboxMessage m where m.status = :sending"
                    + " and m.handedOverAt is not null and m.leaseUntil < :now",
                OutboxMessage.class)
            .setParameter("sending", MessageStatus.SENDING)
            .setParameter("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
            .getResultList();
    stale.forEach(message -> message.unconfirmed(STOPPED));
    return stale;
  }

  /** Handed over, and the server's answer never came: it may have gone out. */
  public void unconfirmed(OutboxMessage message, String why) {
    message.unconfirmed(why);
  }

  /** A person found that the unconfirmed {@code message} arrived. */
  public void confirmed(OutboxMessage message, String person, Instant at) {
    message.confirmedBy(person, at);
  }

  /** A person sends the unconfirmed {@code message} again, now, saying so. */
  public void sendAgain(OutboxMessage message, String person, Instant at) {
    message.sendAgain(person, at);
  }
}
