package app.courtesy.reminder;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * When, how and in which tone customers are reminded: ordered steps relative to the due date, grace
 * days before overdue steps, a repeat interval after the last step (until paid), a cap of one
 * message per customer and channel per so many days, the smallest open amount worth a reminder per
 * currency (and per step, so a letter waits for a larger balance than an email), and whether a full
 * payment is thanked.
 */
@Entity
@Table(name = "reminder_policy")
public class ReminderPolicy {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reminder_policy_seq")
  @SequenceGenerator(
      name = "reminder_policy_seq",
      sequenceName = "reminder_policy_seq",
      allocationSize = 50)
  private Long id;

  @Column(nullable = false, unique = true, length = 80)
  private String name;

  @Column(name = "is_default", nullable = false)
  private boolean defaultPolicy;

  @Column(name = "grace_days", nullable = false)
  private int graceDays;

  @Column(name = "repeat_days")
  private Integer repeatDays;

  @Column(name = "cap_days", nullable = false)
  private int capDays;

  @Column(name = "thank_you", nullable = false)
  private boolean thankYou;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "reminder_step", joinColumns = @JoinColumn(name = "policy_id"))
  @OrderColumn(name = "position")
  private List<ReminderStep> steps = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "reminder_minimum", joinColumns = @JoinColumn(name = "policy_id"))
  @MapKeyColumn(name = "currency", length = 3)
  @Column(name = "amount", precision = 19, scale = 4)
  private Map<String, BigDecimal> minimums = new TreeMap<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "reminder_step_minimum", joinColumns = @JoinColumn(name = "policy_id"))
  private Set<StepMinimum> stepMinimums = new HashSet<>();

  @Version private long version;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  protected ReminderPolicy() {}

  /** A policy of its own for some customers, starting from {@code data}. */
  ReminderPolicy(String name, PolicyData data, String by, OffsetDateTime at) {
    this.name = name;
    revise(data, by, at);
  }

  void revise(PolicyData data, String by, OffsetDateTime at) {
    this.graceDays = data.graceDays();
    this.repeatDays = data.repeatDays();
    this.capDays = data.capDays();
    this.thankYou = data.thankYou();
    this.steps.clear();
    this.steps.addAll(data.steps());
    this.minimums.clear();
    this.minimums.putAll(data.minimums());
    this.stepMinimums.clear();
    this.stepMinimums.addAll(data.stepMinimums());
    this.updatedBy = by;
    this.updatedAt = at;
  }

  /** What an editor changes, as it is now. */
  public PolicyData toData() {
    return new PolicyData(
        graceDays,
        repeatDays,
        capDays,
        thankYou,
        List.copyOf(steps),
        new TreeMap<>(minimums),
        stepMinimums.stream()
            .sorted(
                Comparator.comparingInt(StepMinimum::getPosition)
                    .thenComparing(StepMinimum::getCurrency))
            .toList());
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public boolean isDefaultPolicy() {
    return defaultPolicy;
  }

  public List<ReminderStep> getSteps() {
    return List.copyOf(steps);
  }

  public long getVersion() {
    return version;
  }

  public OffsetDateTime getUpdatedAt() {
    return updatedAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }
}
