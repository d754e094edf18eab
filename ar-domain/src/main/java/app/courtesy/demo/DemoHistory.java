package app.courtesy.demo;

import app.courtesy.analytics.CashForecast;
import app.courtesy.analytics.CashForecastWeeks;
import app.courtesy.analytics.ReceivablesDays;
import app.courtesy.collection.CaseReview;
import app.courtesy.customer.Channel;
import app.courtesy.dispatch.CourierDesk;
import app.courtesy.dispatch.Dispatcher;
import app.courtesy.dispatch.MailMessageId;
import app.courtesy.dunning.DunningRuns;
import app.courtesy.reply.Incoming;
import app.courtesy.reply.Replies;
import app.courtesy.shared.ClockProducer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo book's last {@value #DAYS} days, played once on a new demo database before the server
 * serves: each day's payments received (the book holds only those before), each weekday's cases
 * reviewed that morning, the demo's collector and approver at work ({@link DemoCollectors}: calls,
 * promises to pay, disputes opened and resolved, instalment plans proposed and approved, each dated
 * on its day), its reminders run and sent as of that afternoon, then today's cases reviewed; so the
 * reminders went to what was open on their day, the reviews decided the promises and plans from the
 * payments that came, and what they all did shows on the dashboard. So the quick start opens at any
 * hour with a worklist, a communication log of the past weeks, reminder emails in the pickup folder
 * whose links open the customers' pages, and a few customers' replies waiting for an answer, and
 * the dashboard opens on a year of trends (the receivables of each day before, written as the daily
 * run would have) and a forecast made 13 weeks before the last run, so the forecast's accuracy
 * shows. {@code AR_DEMO_HISTORY=false} loads the book without it (the system tests run their own
 * dates).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class DemoHistory {

  static final int DAYS = 35;
  private static final String BY = "demo history";
  private static final Logger LOG = Logger.getLogger(DemoHistory.class.getName());

  @Inject
  @ConfigProperty(name = "ar.demo-history", defaultValue = "true")
  private boolean enabled;

  @Inject private CaseReview review;
  @Inject private DunningRuns runs;
  @Inject private Dispatcher dispatcher;
  @Inject private CourierDesk desk;
  @Inject private Clock clock;
  @Inject private Replies replies;
  @Inject private ReceivablesDays receivablesDays;
  @Inject private CashForecastWeeks forecasts;
  @Inject private DemoBook book;
  @Inject private DemoCollectors people;
  @Inject private ClockProducer clocks;

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  /**
   * The first day the history plays, when it plays: the demo book leaves the payments from that day
   * on to it.
   */
  public Optional<LocalDate> firstDay() {
    return enabled ? Optional.of(LocalDate.now(clock).minusDays(DAYS)) : Optional.empty();
  }

  /** Plays the past weeks, if configured; the couriers must be open. */
  public void play() {
    if (!enabled) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    // The year before the days played, as the daily run would have written it: the dashboard's
    // trends.
    int days = receivablesDays.history(today.minusYears(1), today.minusDays(DAYS));
    // The forecast the last weekday's run compares with: made 13 weeks before it.
    LocalDate lastRun = today.minusDays(1);
    while (lastRun.getDayOfWeek() == DayOfWeek.SATURDAY
        || lastRun.getDayOfWeek() == DayOfWeek.SUNDAY) {
      lastRun = lastRun.minusDays(1);
    }
    forecasts.past(lastRun.minusWeeks(CashForecast.WEEKS));
    int sent = 0;
    int done = 0;
    int weekday = 0;
    Map<String, LocalDate> paidOn = book.paymentDays();
    DemoCollectors.Staff staff = new DemoCollectors.Staff(DemoBook.COLLECTOR, DemoBook.APPROVER);
    for (LocalDate date = today.minusDays(DAYS); date.isBefore(today); date = date.plusDays(1)) {
      // The day's payments arrive before its run, as an ERP's morning import brings them.
      book.payOn(date);
      if (date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      // The morning's review decides promises and plans from the payments, then people work.
      LocalDate day = date;
      clocks.replaying(at(day, 7), () -> review.review(day));
      done += people.work(staff, weekday++, date, today, paidOn);
      runs.run(date, BY);
      // Late afternoon in Europe, morning in North America: every market's window is open.
      Clock afternoon = Clock.fixed(date.atTime(16, 0).toInstant(ZoneOffset.UTC), clock.getZone());
      sent += dispatcher.dispatch(afternoon, desk.couriers(), Dispatcher.BATCH, 10_000).delivered();
    }
    book.payOn(today);
    int replies = replies(today);
    review.review(today);
    int messages = sent;
    int actions = done;
    LOG.info(
        () ->
            "Demo history: "
                + days
                + " rows of daily receivables written (a year, by currency), the last "
                + DAYS
                + " days played, "
                + messages
                + " messages sent, "
                + actions
                + " calls, promises, disputes and decisions by the demo's people, "
                + replies
                + " replies received");
  }

  /** {@code hour}:00 on {@code date} on the organisation's clock. */
  private Instant at(LocalDate date, int hour) {
    return date.atTime(hour, 0).atZone(clocks.zone()).toInstant();
  }

  /**
   * A few customers write back to the latest email they had, in their language: one promises a
   * date, one says they paid, one is away (an out-of-office); and a message from someone no
   * customer knows waits on the Unmatched replies list.
   */
  private int replies(LocalDate today) {
    List<?> latest =
        em.createNativeQuery(
                """
                select m.id, c.locale, t.email, t.name
                  from outbox_message m
                  join customer c on c.id = m.customer_id
                  join contact t on t.id = m.contact_id
                 where m.channel = 'EMAIL' and m.status = 'SENT'
                   and m.id = (select max(x.id) from outbox_message x
                                where x.customer_id = m.customer_id and x.channel = 'EMAIL'
                                  and x.status = 'SENT')
                 order by m.customer_id
                 fetch first 3 rows only
                """)
            .getResultList();
    String payDay = today.plusDays(7).toString();
    String lastFriday = today.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY)).toString();
    int received = 0;
    for (int i = 0; i < latest.size(); i++) {
      Object[] row = (Object[]) latest.get(i);
      String language = Locale.forLanguageTag((String) row[1]).getLanguage();
      String text =
          switch (i) {
            case 0 -> DemoReplies.promise(language, payDay);
            case 1 -> DemoReplies.paid(language, lastFriday);
            default -> DemoReplies.away(language, today.plusDays(10).toString());
          };
      replies.receive(
          email(
              "<demo-reply-" + i + "@demo.courtesy.example>",
              (String) row[2],
              (String) row[3],
              (i == 2 ? "Out of office: " : "Re: ") + "your reminder",
              text,
              MailMessageId.of(((Number) row[0]).longValue())));
      received++;
    }
    replies.receive(
        email(
            "<demo-unmatched@demo.courtesy.example>",
            "accounts.payable@newco.example",
            "NewCo Accounts Payable",
            "Change of billing address",
            "Hello,\n\nplease send future invoices to our new address, accounts.payable@newco.example."
                + "\n\nThank you,\nNewCo",
            null));
    return received + 1;
  }

  /**
   * An email as the customer's mail program would send it, with its whole text kept as received; an
   * out-of-office says so in its headers.
   *
   * @param inReplyTo the Message-ID of the email it answers, or null
   */
  private static Incoming email(
      String key, String from, String name, String subject, String text, String inReplyTo) {
    boolean automatic = subject.startsWith("Out of office");
    String original =
        "From: "
            + name
            + " <"
            + from
            + ">\r\nTo: accounts@courtesy.example\r\nSubject: "
            + subject
            + "\r\nMessage-ID: "
            + key
            + (inReplyTo == null ? "" : "\r\nIn-Reply-To: " + inReplyTo)
            + (automatic ? "\r\nAuto-Submitted: auto-replied" : "")
            + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + text.replace("\n", "\r\n")
            + "\r\n";
    return new Incoming(
        key,
        Channel.EMAIL,
        from,
        name,
        List.of(),
        subject,
        text,
        inReplyTo == null ? List.of() : List.of(inReplyTo),
        automatic,
        List.of(),
        original.getBytes(StandardCharsets.UTF_8));
  }
}
