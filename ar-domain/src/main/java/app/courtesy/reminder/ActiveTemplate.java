package app.courtesy.reminder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.OffsetDateTime;

/** The template of one tone and language that an administrator activated. */
@Entity
@Table(name = "reminder_template")
@IdClass(ActiveTemplate.Key.class)
public class ActiveTemplate {

  /** Tone and language: the template's identity. */
  public record Key(Tone tone, String language) implements Serializable {
    public Key() {
      this(null, null);
    }
  }

  @Id
  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private Tone tone;

  @Id
  @Column(length = 8)
  private String language;

  @Column(nullable = false, length = 400)
  private String subject;

  @Column(name = "text_body", nullable = false, length = 20000)
  private String text;

  @Column(name = "html_body", nullable = false, length = 40000)
  private String html;

  @Version private long version;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  @Column(name = "updated_by", nullable = false, length = 64)
  private String updatedBy;

  protected ActiveTemplate() {}

  ActiveTemplate(Tone tone, String language) {
    this.tone = tone;
    this.language = language;
  }

  void replace(TemplateSource source, String by, OffsetDateTime at) {
    this.subject = source.subject();
    this.text = source.text();
    this.html = source.html();
    this.updatedBy = by;
    this.updatedAt = at;
  }

  TemplateSource source() {
    return new TemplateSource(subject, text, html);
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
