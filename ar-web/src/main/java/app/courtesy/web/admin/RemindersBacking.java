package app.courtesy.web.admin;

import app.courtesy.dispatch.BounceIntake;
import app.courtesy.dispatch.MailboxStatus;
import app.courtesy.dispatch.OutboxQueries;
import app.courtesy.dispatch.PickupSettings;
import app.courtesy.dunning.DunningRun;
import app.courtesy.dunning.DunningRuns;
import app.courtesy.dunning.ReminderPreview;
import app.courtesy.dunning.ReminderSettings;
import app.courtesy.dunning.RunFailedException;
import app.courtesy.dunning.RunnableDates;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.shared.BusinessException;
import app.courtesy.shared.CountLimit;
import app.courtesy.web.CountedDataModel;
import app.courtesy.web.CurrentUser;
import app.courtesy.web.PageReport;
import app.courtesy.web.export.ListDownload;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.primefaces.component.datatable.DataTable;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backs {@code admin/reminders.xhtml}: the run history (completed and failed), running a date by
 * hand (the same dates as the API may run, see {@link RunnableDates}), the organisation's time zone
 * business dates are in, pausing reminders for everyone, the daily run's time, the preview of who
 * gets what, when, and the outbox: what was sent, failed or waits to be checked, newest first,
 * paged in the database and narrowed to one of these.
 */
@Named
@ViewScoped
public class RemindersBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final String OUTCOMES_TABLE = ":outbox-list:outcomes";

  @Inject private transient DunningRuns runs;
  @Inject private transient ReminderPreview previews;
  @Inject private transient OutboxQueries outbox;
  @Inject private transient PickupSettings delivery;
  @Inject private transient MailboxStatus mailbox;

  @EJB(lookup = "java:app/ar-notifications/BounceMailbox!app.courtesy.dispatch.BounceIntake")
  private BounceIntake intake;

  @Inject private transient Clock clock;
  @Inject private CurrentUser currentUser;
  @Inject private transient ListDownload download;

  private LocalDate runDate;
  private LocalDate pausedUntil;
  private String runTime;
  private boolean pauseOnReply;
  private long settingsVersion;
  private LocalDate from;
  private LocalDate to;
  private ReminderPreview.Preview preview;
  private MessageStatus outcome;
  private long outcomeCount;

  private final CountedDataModel<OutboxQueries.Listed> outcomes =
      new CountedDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          outcomeCount = outbox.count(outcomeStatuses(), CountLimit.LIMIT);
          return Math.toIntExact(outcomeCount);
        }

        @Override
        protected List<OutboxQueries.Listed> page(
            int first, int pageSize, Map<String, SortMeta> sortBy) {
          return outbox.newestFirst(outcomeStatuses(), first, pageSize);
        }

        @Override
        public String getRowKey(OutboxQueries.Listed listed) {
          return String.valueOf(listed.message().getId());
        }
      };

  @PostConstruct
  void init() {
    LocalDate today = LocalDate.now(clock);
    runDate = today;
    from = today;
    to = today.plusDays(6);
    loadSettings(runs.settings());
  }

  /** Runs the chosen date, or says it already ran. */
  public void run() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      DunningRuns.Outcome outcome = runs.run(runDate, currentUser.getUsername());
      DunningRun run = outcome.run();
      String said =
          outcome.ranNow()
              ? "Ran "
                  + runDate
                  + ": "
                  + run.getMessages()
                  + " messages queued, "
                  + run.getSuppressed()
                  + " held back with a reason."
              : runDate
                  + " already ran on "
                  + onOrganisationsClock(run.getStartedAt()).toLocalDate()
                  + " (by "
                  + run.getClaimedBy()
                  + "); running it again adds nothing.";
      faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, said, null));
    } catch (BusinessException | RunFailedException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  public void saveSettings() {
    FacesContext faces = FacesContext.getCurrentInstance();
    LocalTime time;
    try {
      time = LocalTime.parse(runTime == null ? "" : runTime.strip());
    } catch (DateTimeParseException e) {
      faces.addMessage(
          "settings:run-time",
          new FacesMessage(
              FacesMessage.SEVERITY_ERROR,
              "Give the time as hours and minutes, e.g. 06:00.",
              null));
      return;
    }
    try {
      loadSettings(runs.revise(pausedUntil, time, pauseOnReply, settingsVersion));
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              pausedUntil == null
                  ? "Saved. Reminders go out as planned."
                  : "Saved. Reminders are paused for everyone until " + pausedUntil + ".",
              null));
    } catch (BusinessException refused) {
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  public void showPreview() {
    try {
      preview = previews.of(from, to, 500);
    } catch (IllegalArgumentException e) {
      preview = null;
      FacesContext.getCurrentInstance()
          .addMessage(
              "preview-form:to",
              new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
    }
  }

  private void loadSettings(ReminderSettings settings) {
    pausedUntil = settings.getPausedUntil().orElse(null);
    runTime = settings.getRunTime().toString();
    pauseOnReply = settings.isPauseOnReply();
    settingsVersion = settings.getVersion();
  }

  /** How many messages are in each status (by its name), for the outbox tiles. */
  public Map<String, Long> getCounts() {
    return outbox.counts().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
  }

  /** The messages sent, given up or in doubt, newest first; or those of the chosen outcome. */
  public LazyDataModel<OutboxQueries.Listed> getOutcomes() {
    return outcomes;
  }

  /** The outcome filter changed: show its first page. */
  public void outcomeChanged() {
    ((DataTable) FacesContext.getCurrentInstance().getViewRoot().findComponent(OUTCOMES_TABLE))
        .setFirst(0);
  }

  /** Downloads the messages the outbox list shows, every page, as {@code csv} or {@code xlsx}. */
  public void export(String format) throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("format", format);
    parameters.put("status", outcome == null ? null : outcome.name());
    download.start("/admin/outbox/export", parameters);
  }

  private Set<MessageStatus> outcomeStatuses() {
    return outcome == null ? OutboxQueries.OUTCOMES : Set.of(outcome);
  }

  public String getOutcomePageReport() {
    return PageReport.of(outcomeCount);
  }

  /** The outcome to show; none shows every one. */
  public MessageStatus getOutcome() {
    return outcome;
  }

  public void setOutcome(MessageStatus outcome) {
    this.outcome = outcome;
  }

  /** Where emails go: the SMTP server, or the pickup folder. */
  public String getEmailDestination() {
    return delivery
        .smtpHost()
        .map(host -> "Emails go to the mail server " + host + ".")
        .orElse(
            "No mail server is configured (AR_SMTP_HOST): emails are written to "
                + delivery.pickup().resolve("mail")
                + " instead, so nobody is emailed by accident.");
  }

  /**
   * How the reads of the sender's mailbox (bounces and replies) go, in words: when it was last
   * read, or since when it cannot be and why; or that none is configured.
   */
  public String getMailboxState() {
    if (!intake.hasMailbox()) {
      return "No mailbox is configured (AR_BOUNCE_HOST): replies and bounces that come back by"
          + " email are not read.";
    }
    MailboxStatus.Status status = mailbox.status();
    if (status.failingSince().isPresent()) {
      return "The mailbox cannot be read since "
          + formatted(status.failingSince().get())
          + ": "
          + status.lastError().orElse("no reason given")
          + ". Nothing is lost: it is tried again every minute, and what waits there is read"
          + " once it answers.";
    }
    return status
        .lastOkAt()
        .map(
            at ->
                "The mailbox was last read at "
                    + formatted(at)
                    + "; "
                    + status.imported()
                    + " replies taken in so far."
                    + status.lastError().map(e -> " Left for the next read: " + e + ".").orElse(""))
        .orElse("The mailbox has not been read yet; it is read every minute.");
  }

  /** Whether the mailbox cannot be read now, to show it as a warning. */
  public boolean isMailboxFailing() {
    return intake.hasMailbox() && mailbox.status().failingSince().isPresent();
  }

  private String formatted(Instant at) {
    return at.atZone(clock.getZone())
        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.UK));
  }

  /** Where letters (and SMS without a gateway) are written. */
  public String getPickupFolder() {
    return delivery.pickup().toString();
  }

  public List<DunningRun> getHistory() {
    return runs.history(30);
  }

  /** Which dates may be run now, in words. */
  public String getRunnableDates() {
    RunnableDates dates = runs.dates();
    return "Today is "
        + dates.today()
        + ". A date can be run up to tomorrow, "
        + dates.last()
        + dates
            .latestCompleted()
            .map(
                latest ->
                    ", and not before the latest completed run, "
                        + latest
                        + ", unless its run failed.")
            .orElse(".");
  }

  /** The organisation's time zone ({@code AR_TIME_ZONE}): business dates are dates there. */
  public String getTimeZone() {
    return clock.getZone().getId();
  }

  /** An instant as the organisation's clock reads it. */
  public ZonedDateTime onOrganisationsClock(OffsetDateTime at) {
    return at == null ? null : at.atZoneSameInstant(clock.getZone());
  }

  public LocalDate getRunDate() {
    return runDate;
  }

  public void setRunDate(LocalDate runDate) {
    this.runDate = runDate;
  }

  public LocalDate getPausedUntil() {
    return pausedUntil;
  }

  public void setPausedUntil(LocalDate pausedUntil) {
    this.pausedUntil = pausedUntil;
  }

  public boolean isPauseOnReply() {
    return pauseOnReply;
  }

  public void setPauseOnReply(boolean pauseOnReply) {
    this.pauseOnReply = pauseOnReply;
  }

  public String getRunTime() {
    return runTime;
  }

  public void setRunTime(String runTime) {
    this.runTime = runTime;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }

  public ReminderPreview.Preview getPreview() {
    return preview;
  }
}
