package app.courtesy.reminder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * Two templates of one policy step run side by side for the customers of one language: each
 * customer is drawn into variant A or B at their first reminder of the step and kept there. Both
 * templates passed the courtesy check when it started; they are kept as they were, so what the
 * templates page activates meanwhile changes neither. It records who started and who stopped it.
 */
@Entity
@Table(name = "template_experiment")
public class TemplateExperiment {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "template_experiment_seq")
  @SequenceGenerator(
      name = "template_experiment_seq",
      sequenceName = "template_experiment_seq",
      allocationSize = 50)
  private Long id;

  @Column(name = "policy_id", nullable = false)
  private long policyId;

  @Column(name = "step_position", nullable = false)
  private int stepPosition;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private Tone tone;

  @Column(nullable = false, length = 8)
  private String language;

  @Column(nullable = false, length = 120)
  private String name;

  @Column(name = "a_subject", nullable = false, length = 400)
  private String subjectA;

  @Column(name = "a_text_body", nullable = false, length = 20000)
  private String textA;

  @Column(name = "a_html_body", nullable = false, length = 40000)
  private String htmlA;

  @Column(name = "b_subject", nullable = false, length = 400)
  private String subjectB;

  @Column(name = "b_text_body", nullable = false, length = 20000)
  private String textB;

  @Column(name = "b_html_body", nullable = false, length = 40000)
  private String htmlB;

  @Column(name = "started_at", nullable = false)
  private OffsetDateTime startedAt;

  @Column(name = "started_by", nullable = false, length = 64)
  private String startedBy;

  @Column(name = "stopped_at")
  private OffsetDateTime stoppedAt;

  @Column(name = "stopped_by", length = 64)
  private String stoppedBy;

  @Version private long version;

  protected TemplateExperiment() {}

  TemplateExperiment(
      long policyId,
      int stepPosition,
      Tone tone,
      Locale language,
      String name,
      TemplateSource a,
      TemplateSource b,
      String by,
      OffsetDateTime at) {
    this.policyId = policyId;
    this.stepPosition = stepPosition;
    this.tone = tone;
    this.language = language.getLanguage();
    this.name = name;
    this.subjectA = a.subject();
    this.textA = a.text();
    this.htmlA = a.html();
    this.subjectB = b.subject();
    this.textB = b.text();
    this.htmlB = b.html();
    this.startedBy = by;
    this.startedAt = at;
  }

  /**
   * Ends the experiment: from now on every customer gets the template in use again.
   *
   * @throws ExperimentRefusedException when it was stopped before
   */
  void stop(String by, OffsetDateTime at) {
    if (!isRunning()) {
      throw new ExperimentRefusedException(
          "The experiment “" + name + "” was already stopped by " + stoppedBy + ".");
    }
    this.stoppedBy = by;
    this.stoppedAt = at;
  }

  /** Whether a reminder of {@code tone} in {@code language} for this step uses it. */
  boolean covers(long policyId, int stepPosition, Tone tone, Locale language) {
    return isRunning()
        && this.policyId == policyId
        && this.stepPosition == stepPosition
        && this.tone == tone
        && this.language.equals(language.getLanguage());
  }

  public TemplateSource source(Variant variant) {
    return variant == Variant.A
        ? new TemplateSource(subjectA, textA, htmlA)
        : new TemplateSource(subjectB, textB, htmlB);
  }

  public boolean isRunning() {
    return stoppedAt == null;
  }

  public Long getId() {
    return id;
  }

  public long getPolicyId() {
    return policyId;
  }

  /** The step's number in its policy, from 1. */
  public int getStep() {
    return stepPosition + 1;
  }

  public Tone getTone() {
    return tone;
  }

  public Locale getLanguage() {
    return Locale.forLanguageTag(language);
  }

  public String getName() {
    return name;
  }

  public OffsetDateTime getStartedAt() {
    return startedAt;
  }

  public String getStartedBy() {
    return startedBy;
  }

  public Optional<OffsetDateTime> getStoppedAt() {
    return Optional.ofNullable(stoppedAt);
  }

  public Optional<String> getStoppedBy() {
    return Optional.ofNullable(stoppedBy);
  }

  public long getVersion() {
    return version;
  }
}
