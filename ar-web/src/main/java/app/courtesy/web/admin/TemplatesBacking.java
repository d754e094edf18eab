package app.courtesy.web.admin;

import app.courtesy.reminder.ReminderTemplateService;
import app.courtesy.reminder.ReminderTemplateService.Current;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.reminder.TemplateReview;
import app.courtesy.reminder.TemplateSource;
import app.courtesy.reminder.Tone;
import app.courtesy.reminder.courtesy.CourtesyReport;
import app.courtesy.reminder.courtesy.CourtesyReport.Finding;
import app.courtesy.reminder.courtesy.CourtesyReport.Span;
import app.courtesy.shared.BusinessException;
import app.courtesy.web.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Backs {@code admin/templates.xhtml}: the reminder email of one tone and language, edited with a
 * live preview on sample data and the courtesy check's findings; activated only when it passes.
 */
@Named
@ViewScoped
public class TemplatesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * One finding as the page lists it: which body, what to do, the words at fault, why they hurt and
   * what to write instead (empty for a missing element).
   */
  public record Row(
      String body, String advice, List<String> words, String why, String suggestion) {}

  @Inject private transient ReminderTemplateService templates;
  @Inject private CurrentUser currentUser;

  private Tone tone = Tone.FRIENDLY;
  private String language = "en";
  private String subject;
  private String text;
  private String html;
  private Long version;
  private String status;
  private transient TemplateReview review;

  @PostConstruct
  void init() {
    open();
  }

  /** Opens the template of the chosen tone and language, as it is in use now. */
  public void open() {
    Current current = templates.current(tone, locale());
    subject = current.source().subject();
    text = current.source().text();
    html = current.source().html();
    version = current.version();
    status =
        current.isShipped()
            ? "The template shipped with Courtesy is in use."
            : "Activated by "
                + current.updatedBy()
                + " on "
                + current.updatedAt().toLocalDate()
                + ".";
    preview();
  }

  /** Renders the template as typed so far and checks it. */
  public void preview() {
    review = templates.review(tone, locale(), new TemplateSource(subject, text, html));
  }

  public void activate() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      templates.activate(
          tone,
          locale(),
          new TemplateSource(subject, text, html),
          version,
          currentUser.getUsername());
      open();
      faces.addMessage(
          null,
          new FacesMessage(
              FacesMessage.SEVERITY_INFO,
              "Activated: reminders in this tone and language now use this template.",
              null));
    } catch (BusinessException refused) {
      preview();
      faces.addMessage(
          null, new FacesMessage(FacesMessage.SEVERITY_ERROR, refused.getMessage(), null));
    }
  }

  public TemplateReview getReview() {
    if (review == null) {
      preview();
    }
    return review;
  }

  /** Every finding of both bodies, text first. */
  public List<Row> getFindings() {
    List<Row> rows = new ArrayList<>();
    if (getReview().problem() == null) {
      add(rows, "Text", review.text());
      add(rows, "HTML", review.html());
    }
    return rows;
  }

  /**
   * The plain-text sample, HTML-escaped, with every word the check objects to marked. Safe to write
   * unescaped: everything but the marks is escaped here.
   */
  public String getMarkedText() {
    if (getReview().problem() != null) {
      return "";
    }
    String sample = review.sample().text();
    List<Span> spans =
        review.text().findings().stream()
            .flatMap(f -> f.spans().stream())
            .sorted(java.util.Comparator.comparingInt(Span::start))
            .toList();
    StringBuilder marked = new StringBuilder();
    int at = 0;
    for (Span span : spans) {
      if (span.start() < at) {
        continue;
      }
      marked.append(escape(sample.substring(at, span.start())));
      marked.append("<mark>").append(escape(span.text())).append("</mark>");
      at = span.end();
    }
    return marked.append(escape(sample.substring(at))).toString();
  }

  private static void add(List<Row> rows, String body, CourtesyReport report) {
    for (Finding finding : report.findings()) {
      rows.add(
          new Row(
              body,
              finding.advice(),
              finding.spans().stream().map(Span::text).distinct().toList(),
              finding.why(),
              finding.suggestion()));
    }
  }

  /** The language the check read the template in (see {@link CourtesyReport#readAs()}). */
  public String getReadAs() {
    return getReview().problem() == null ? review.text().readAs() : "";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private Locale locale() {
    return Locale.forLanguageTag(language);
  }

  public Tone[] getTones() {
    return Tone.values();
  }

  public List<Locale> getLanguages() {
    return ReminderTemplates.LANGUAGES;
  }

  public Tone getTone() {
    return tone;
  }

  public void setTone(Tone tone) {
    this.tone = tone;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getHtml() {
    return html;
  }

  public void setHtml(String html) {
    this.html = html;
  }

  public String getStatus() {
    return status;
  }
}
