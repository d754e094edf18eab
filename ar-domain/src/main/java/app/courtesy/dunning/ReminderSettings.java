package app.courtesy.dunning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;

/**
 * Organisation-wide settings of the reminders: a pause for everyone, the daily run's time, whether
 * a customer's reply holds their reminders.
 */
@Entity
@Table(name = "reminder_settings")
public class ReminderSettings {

  static final int ID = 1;

  @Id private Integer id;

  @Column(name = "paused_until")
  private LocalDate pausedUntil;

  @Column(name = "run_time", nullable = false, length = 5)
  private String runTime;

  @Column(name = "pause_on_reply", nullable = false)
  private boolean pauseOnReply;

  @Version private long version;

  protected ReminderSettings() {}

  /** Reminders are paused for everyone on {@code date}. */
  public boolean isPausedOn(LocalDate date) {
    return pausedUntil != null && !pausedUntil.isBefore(date);
  }

  void revise(LocalDate pausedUntil, LocalTime runTime, boolean pauseOnReply) {
    this.pausedUntil = pausedUntil;
    this.runTime = runTime.toString();
    this.pauseOnReply = pauseOnReply;
  }

  /**
   * A customer's reply no one has answered yet holds their reminders (and instalment notes) until a
   * collector marks it handled or answers it.
   */
  public boolean isPauseOnReply() {
    return pauseOnReply;
  }

  public Optional<LocalDate> getPausedUntil() {
    return Optional.ofNullable(pausedUntil);
  }

  /** When the daily run starts, on the organisation's clock. */
  public LocalTime getRunTime() {
    return LocalTime.parse(runTime);
  }

  public long getVersion() {
    return version;
  }
}
