package app.courtesy.notifications;

import app.courtesy.dispatch.BounceIntake;
import app.courtesy.dispatch.Bounces;
import app.courtesy.dispatch.MailboxStatus;
import app.courtesy.dispatch.MailboxUnavailableException;
import app.courtesy.dispatch.UnreadableReportException;
import app.courtesy.reply.Replies;
import app.courtesy.reply.ReplyState;
import jakarta.ejb.Local;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sender's mailbox, where bounces and customers' replies arrive. Reminders go out with the
 * sender's address as their return path and Reply-To, so the mail system's reports and the
 * customers' answers both land there; with {@code AR_BOUNCE_HOST} (and {@code AR_BOUNCE_PORT},
 * {@code AR_BOUNCE_USER}, {@code AR_BOUNCE_PASSWORD}, {@code AR_BOUNCE_SSL}, {@code
 * AR_BOUNCE_FOLDER}) set, every minute each unread email there is read over IMAP: a report is
 * recorded and then removed; anything else is kept as a customer's reply (see {@link Replies}) and
 * left in the mailbox, marked read. Taking in comes first and is done once however often an email
 * is read (a bounce by its message, a reply by its Message-ID), so a node stopping between the two,
 * or two nodes reading at once, take in each email once. An email that cannot be taken in now is
 * left unread for the next minute; a mailbox that cannot be reached is tried again every minute,
 * and the Reminder runs page says since when.
 */
@Singleton
@Local(BounceIntake.class)
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BounceMailbox implements BounceIntake {

  private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

  @Inject private Bounces bounces;
  @Inject private Replies replies;
  @Inject private MailboxStatus status;

  @Inject
  @ConfigProperty(name = "ar.bounce.host")
  private Optional<String> host;

  @Inject
  @ConfigProperty(name = "ar.bounce.port", defaultValue = "993")
  private int port;

  @Inject
  @ConfigProperty(name = "ar.bounce.user")
  private Optional<String> user;

  @Inject
  @ConfigProperty(name = "ar.bounce.password")
  private Optional<String> password;

  @Inject
  @ConfigProperty(name = "ar.bounce.ssl", defaultValue = "true")
  private boolean ssl;

  @Inject
  @ConfigProperty(name = "ar.bounce.folder", defaultValue = "INBOX")
  private String folder;

  /** Off where runs and sending happen only when asked, as in the benchmark. */
  @Inject
  @ConfigProperty(name = "ar.reminder-timers", defaultValue = "true")
  private boolean enabled;

  @Schedule(hour = "*", minute = "*", second = "30", persistent = false)
  void everyMinute() {
    if (!enabled || host.isEmpty()) {
      return;
    }
    try {
      MailboxRead read = readMailbox();
      if (read.reports() + read.replies() + read.failed() > 0) {
        LOG.info(() -> "Mailbox: " + read);
      }
    } catch (MailboxUnavailableException e) {
      LOG.warning(() -> e.getMessage() + "; the next minute tries again");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Reading the mailbox failed; the next minute tries again", e);
    }
  }

  @Override
  public List<Bounces.Result> accept(InputStream email) {
    try {
      return record(new MimeMessage(Session.getInstance(new Properties()), email));
    } catch (MessagingException e) {
      throw new UnreadableReportException("The email cannot be read as MIME: " + e.getMessage());
    }
  }

  @Override
  public boolean hasMailbox() {
    return host.isPresent();
  }

  @Override
  public MailboxRead readMailbox() {
    Settings mailbox =
        new Settings(
            host.orElseThrow(() -> new IllegalStateException("No mailbox is configured")),
            port,
            user,
            password,
            ssl,
            folder);
    try {
      List<String> problems = new ArrayList<>();
      MailboxRead read = read(mailbox, new Intake(this::record, this::keep, problems::add));
      status.read(read, problems.isEmpty() ? null : String.join("; ", problems));
      return read;
    } catch (MailboxUnavailableException e) {
      status.failed(e.getMessage());
      throw e;
    }
  }

  /** Where the mailbox is and how to sign in to it. */
  record Settings(
      String host,
      int port,
      Optional<String> user,
      Optional<String> password,
      boolean ssl,
      String folder) {}

  /**
   * What takes the mailbox's emails in.
   *
   * @param report records a delivery status notification; throws {@link UnreadableReportException}
   *     for any other email
   * @param reply keeps a customer's reply; true when it matched a customer
   * @param problem hears why an email could not be taken in now
   */
  record Intake(
      Function<MimeMessage, List<Bounces.Result>> report,
      Predicate<MimeMessage> reply,
      Consumer<String> problem) {}

  /**
   * Reads the unread email of a mailbox: a report is recorded and removed, a reply kept and marked
   * read; one that cannot be taken in now stays unread for the next read.
   */
  static MailboxRead read(Settings mailbox, Intake intake) {
    String protocol = mailbox.ssl() ? "imaps" : "imap";
    Properties properties = new Properties();
    properties.put("mail." + protocol + ".connectiontimeout", "10000");
    properties.put("mail." + protocol + ".timeout", "30000");
    // Reading an email does not mark it read: only what was taken in is.
    properties.put("mail." + protocol + ".peek", "true");
    try (Store store = Session.getInstance(properties).getStore(protocol)) {
      store.connect(
          mailbox.host(),
          mailbox.port(),
          mailbox.user().orElse(null),
          mailbox.password().orElse(null));
      Folder inbox = store.getFolder(mailbox.folder());
      inbox.open(Folder.READ_WRITE);
      int reports = 0;
      int recorded = 0;
      int unknown = 0;
      int replies = 0;
      int unmatched = 0;
      int failed = 0;
      try {
        for (Message email : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
          MimeMessage copy = new MimeMessage((MimeMessage) email);
          try {
            try {
              List<Bounces.Result> results = intake.report().apply(copy);
              reports++;
              recorded += (int) results.stream().filter(r -> r == Bounces.Result.RECORDED).count();
              unknown +=
                  (int) results.stream().filter(r -> r == Bounces.Result.UNKNOWN_MESSAGE).count();
              email.setFlag(Flags.Flag.DELETED, true);
            } catch (UnreadableReportException notAReport) {
              if (!intake.reply().test(copy)) {
                unmatched++;
              }
              replies++;
              email.setFlag(Flags.Flag.SEEN, true);
            }
          } catch (RuntimeException e) {
            failed++;
            intake.problem().accept(describe(copy) + " could not be taken in: " + why(e));
            LOG.log(Level.WARNING, "An email in the mailbox could not be taken in", e);
          }
        }
      } finally {
        inbox.close(true);
      }
      return new MailboxRead(reports, recorded, unknown, replies, unmatched, failed);
    } catch (MessagingException e) {
      throw new MailboxUnavailableException(
          "The mailbox "
              + mailbox.folder()
              + " at "
              + mailbox.host()
              + ":"
              + mailbox.port()
              + " cannot be read: "
              + e.getMessage());
    }
  }

  private List<Bounces.Result> record(MimeMessage email) {
    return DeliveryReport.bounces(email).stream().map(bounces::record).toList();
  }

  private boolean keep(MimeMessage email) {
    return replies.receive(ReplyEmail.read(email)).state() != ReplyState.UNMATCHED;
  }

  private static String describe(MimeMessage email) {
    try {
      return "The email \"" + email.getSubject() + "\" (" + email.getMessageID() + ")";
    } catch (MessagingException e) {
      return "An email";
    }
  }

  /** What went wrong, in the words of its innermost cause. */
  private static String why(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
