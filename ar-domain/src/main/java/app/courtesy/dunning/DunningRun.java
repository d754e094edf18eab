package app.courtesy.dunning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A business date's dunning run. The row is the claim: it is written before anything is planned and
 * committed with the plan, so a date runs once however many nodes, retries or restarts try it.
 *
 * <p>A run that goes wrong plans nothing; its row is then written on its own as {@link
 * RunStatus#FAILED}, with who tried, when and why, and the date may be tried again. When it then
 * completes, the row keeps when and why it last failed.
 */
@Entity
@Table(name = "dunning_run")
@NamedQuery(
    name = DunningRun.LATEST_COMPLETED,
    query =
        "select max(r.businessDate) from DunningRun r"
            + " where r.status = app.courtesy.dunning.RunStatus.COMPLETED")
public class DunningRun {

  static final String LATEST_COMPLETED = "DunningRun.latestCompleted";

  /** The longest reason kept for a failure. */
  private static final int FAILURE_LENGTH = 2000;

  @Id
  @Column(name = "business_date")
  private LocalDate businessDate;

  @Column(name = "claimed_by", nullable = false, length = 64)
  private String claimedBy;

  @Column(name = "started_at", nullable = false)
  private OffsetDateTime startedAt;

  @Column(name = "finished_at", nullable = false)
  private OffsetDateTime finishedAt;

  @Column(nullable = false)
  private int messages;

  @Column(nullable = false)
  private int suppressed;

  @Column(nullable = false)
  private int invoices;

  @Column(name = "held_back", nullable = false)
  private int heldBack;

  @Column(nullable = false)
  private int overdue;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private RunStatus status;

  @Column(name = "figures_ms")
  private Long figuresMillis;

  @Column(name = "failed_at")
  private OffsetDateTime failedAt;

  @Column(length = FAILURE_LENGTH)
  private String failure;

  protected DunningRun() {}

  /** The claim of a date; it commits only together with its plan, so it is written as completed. */
  DunningRun(LocalDate businessDate, String claimedBy, OffsetDateTime startedAt) {
    this.businessDate = businessDate;
    this.claimedBy = claimedBy;
    this.startedAt = startedAt;
    this.finishedAt = startedAt;
    this.status = RunStatus.COMPLETED;
  }

  /** A date whose first run failed at {@code at}, for {@code why}. */
  static DunningRun failed(
      LocalDate businessDate,
      String claimedBy,
      OffsetDateTime startedAt,
      OffsetDateTime at,
      String why) {
    DunningRun run = new DunningRun(businessDate, claimedBy, startedAt);
    run.fail(claimedBy, startedAt, at, why);
    return run;
  }

  /** Another try of a failed date; it commits only if it completes. */
  void retry(String by, OffsetDateTime at) {
    this.claimedBy = by;
    this.startedAt = at;
    this.finishedAt = at;
    this.status = RunStatus.COMPLETED;
  }

  /**
   * The run planned and wrote its figures; {@code figures} is the time the collections figures of
   * the days before took (within the run's time, beside its plan).
   */
  void finish(DunningPlanner.Planned planned, int overdue, Duration figures, OffsetDateTime at) {
    this.figuresMillis = figures.toMillis();
    this.messages = planned.messages();
    this.suppressed = planned.suppressed();
    this.invoices = planned.invoices();
    this.heldBack = planned.heldBack();
    this.overdue = overdue;
    this.finishedAt = at;
    this.status = RunStatus.COMPLETED;
  }

  /** The try {@code by} started at {@code startedAt} failed at {@code at}, for {@code why}. */
  void fail(String by, OffsetDateTime startedAt, OffsetDateTime at, String why) {
    this.claimedBy = by;
    this.startedAt = startedAt;
    this.finishedAt = at;
    this.failedAt = at;
    this.failure = why.length() > FAILURE_LENGTH ? why.substring(0, FAILURE_LENGTH) : why;
    this.figuresMillis = null;
    this.messages = 0;
    this.suppressed = 0;
    this.invoices = 0;
    this.heldBack = 0;
    this.overdue = 0;
    this.status = RunStatus.FAILED;
  }

  public RunStatus getStatus() {
    return status;
  }

  public boolean isCompleted() {
    return status == RunStatus.COMPLETED;
  }

  public boolean isFailed() {
    return status == RunStatus.FAILED;
  }

  /**
   * When the date's run last failed: its failure if it is {@link RunStatus#FAILED}, else before.
   */
  public Optional<OffsetDateTime> getFailedAt() {
    return Optional.ofNullable(failedAt);
  }

  /** Why the date's run last failed, in the words of what went wrong. */
  public Optional<String> getFailure() {
    return Optional.ofNullable(failure);
  }

  /** Queued nothing although invoices are overdue and nobody reminded them for a month. */
  public boolean isQuietWhileOverdue() {
    return messages == 0 && overdue > 0;
  }

  public Duration getDuration() {
    return Duration.between(startedAt, finishedAt);
  }

  /**
   * Within {@link #getDuration()}, what writing the collections figures of the days before took
   * (beside the plan, on a thread of their own where one is lent: {@link FiguresThread}); empty for
   * a failed run and for runs recorded before it was measured.
   */
  public Optional<Duration> getFiguresDuration() {
    return Optional.ofNullable(figuresMillis).map(Duration::ofMillis);
  }

  public LocalDate getBusinessDate() {
    return businessDate;
  }

  public String getClaimedBy() {
    return claimedBy;
  }

  public OffsetDateTime getStartedAt() {
    return startedAt;
  }

  public OffsetDateTime getFinishedAt() {
    return finishedAt;
  }

  /** Messages queued to send. */
  public int getMessages() {
    return messages;
  }

  /** Messages written but not to be sent, each with its reason. */
  public int getSuppressed() {
    return suppressed;
  }

  /** Invoices the queued messages list. */
  public int getInvoices() {
    return invoices;
  }

  /** Invoices due for a step but held back (disputed, promised, on an arrangement). */
  public int getHeldBack() {
    return heldBack;
  }

  /** Overdue invoices nobody reminded in the last month; counted when nothing was queued. */
  public int getOverdue() {
    return overdue;
  }
}
