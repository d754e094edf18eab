package app.courtesy.notifications;

import app.courtesy.dispatch.BounceIntake;
import app.courtesy.dispatch.Bounces;
import app.courtesy.dispatch.MailboxUnavailableException;
import app.courtesy.dispatch.UnreadableReportException;
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
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounces that come back by email. Reminders go out with the sender's address as their return path,
 * so the mail system's reports arrive in that mailbox; with {@code AR_BOUNCE_HOST} (and {@code
 * AR_BOUNCE_PORT}, {@code AR_BOUNCE_USER}, {@code AR_BOUNCE_PASSWORD}, {@code AR_BOUNCE_SSL},
 * {@code AR_BOUNCE_FOLDER}) set, every minute each unread email there is read over IMAP: a report
 * is recorded and then removed, anything else (a customer's reply) is left marked read for a
 * person. Recording comes first and is recorded once however often it is read, so a node stopping
 * between the two, or two nodes reading at once, records each bounce once.
 */
@Singleton
@Local(BounceIntake.class)
@Lock(LockType.READ)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class BounceMailbox implements BounceIntake {

  private static final Logger LOG = Logger.getLogger(BounceMailbox.class.getName());

  @Inject private Bounces bounces;

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
      if (read.reports() > 0) {
        LOG.info(() -> "Bounce mailbox: " + read);
      }
    } catch (MailboxUnavailableException e) {
      LOG.warning(() -> e.getMessage() + "; the next minute tries again");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Reading the bounce mailbox failed; the next minute tries again", e);
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
    return read(
        new Settings(
            host.orElseThrow(() -> new IllegalStateException("No bounce mailbox is configured")),
            port,
            user,
            password,
            ssl,
            folder),
        this::record);
  }

  /** Where the bounce mailbox is and how to sign in to it. */
  record Settings(
      String host,
      int port,
      Optional<String> user,
      Optional<String> password,
      boolean ssl,
      String folder) {}

  /**
   * Reads the unread email of a mailbox: what {@code record} takes is removed, what it refuses as
   * no report is marked read and left.
   */
  static MailboxRead read(Settings mailbox, Function<MimeMessage, List<Bounces.Result>> record) {
    String protocol = mailbox.ssl() ? "imaps" : "imap";
    Properties properties = new Properties();
    properties.put("mail." + protocol + ".connectiontimeout", "10000");
    properties.put("mail." + protocol + ".timeout", "30000");
    // Reading an email does not mark it read: only what was recorded, or left for a person, is.
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
      int left = 0;
      try {
        for (Message email : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
          try {
            List<Bounces.Result> results = record.apply(new MimeMessage((MimeMessage) email));
            reports++;
            recorded += (int) results.stream().filter(r -> r == Bounces.Result.RECORDED).count();
            unknown +=
                (int) results.stream().filter(r -> r == Bounces.Result.UNKNOWN_MESSAGE).count();
            email.setFlag(Flags.Flag.DELETED, true);
          } catch (UnreadableReportException notAReport) {
            email.setFlag(Flags.Flag.SEEN, true);
            left++;
          }
        }
      } finally {
        inbox.close(true);
      }
      return new MailboxRead(reports, recorded, unknown, left);
    } catch (MessagingException e) {
      throw new MailboxUnavailableException(
          "The bounce mailbox "
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
}
