package app.courtesy.dunning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A business date's dunning run. The row is the claim: it is written before anything is planned and
 * committed with the plan, so a date runs once however many nodes, retries or restarts try it.
 */
@Entity
@Table(name = "dunning_run")
public class DunningRun {

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

  protected DunningRun() {}

  DunningRun(LocalDate businessDate, String claimedBy, OffsetDateTime startedAt) {
    this.businessDate = businessDate;
    this.claimedBy = claimedBy;
    this.startedAt = startedAt;
    this.finishedAt = startedAt;
  }

  void finish(DunningPlanner.Planned planned, int overdue, OffsetDateTime at) {
    this.messages = planned.messages();
    this.suppressed = planned.suppressed();
    this.invoices = planned.invoices();
    this.heldBack = planned.heldBack();
    this.overdue = overdue;
    this.finishedAt = at;
  }

  /** Queued nothing although invoices are overdue and nobody reminded them for a month. */
  public boolean isQuietWhileOverdue() {
    return messages == 0 && overdue > 0;
  }

  public Duration getDuration() {
    return Duration.between(startedAt, finishedAt);
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
