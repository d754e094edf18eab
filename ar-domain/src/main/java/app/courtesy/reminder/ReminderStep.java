package app.courtesy.reminder;

import app.courtesy.customer.Channel;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;

/**
 * One step of a reminder policy (a value: equal when day, channel and tone are): how many days from
 * the due date (negative: before it), on which channel and in which tone.
 */
@Embeddable
public class ReminderStep {

  @Min(-60)
  @Max(365)
  @Column(name = "offset_days", nullable = false)
  private int offsetDays;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Channel channel;

  @NotNull
  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Tone tone;

  protected ReminderStep() {}

  public ReminderStep(int offsetDays, Channel channel, Tone tone) {
    this.offsetDays = offsetDays;
    this.channel = channel;
    this.tone = tone;
  }

  public int getOffsetDays() {
    return offsetDays;
  }

  public Channel getChannel() {
    return channel;
  }

  public Tone getTone() {
    return tone;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ReminderStep step
        && offsetDays == step.offsetDays
        && channel == step.channel
        && tone == step.tone;
  }

  @Override
  public int hashCode() {
    return Objects.hash(offsetDays, channel, tone);
  }

  @Override
  public String toString() {
    return (offsetDays > 0 ? "+" : "") + offsetDays + " days " + channel + " " + tone;
  }
}
