package app.courtesy.reminder;

import app.courtesy.reminder.courtesy.CourtesyCheck;
import app.courtesy.shared.ConcurrentChangeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The reminder templates in use: an administrator's activated one per tone and language, or the one
 * shipped with Courtesy. Nothing goes live that fails the courtesy check.
 */
@ApplicationScoped
@Transactional
public class ReminderTemplateService {

  /**
   * The template an editor opens.
   *
   * @param version the activated template's version, {@code null} while the shipped one applies
   */
  public record Current(
      TemplateSource source, Long version, String updatedBy, OffsetDateTime updatedAt) {

    public boolean isShipped() {
      return version == null;
    }
  }

  private final CourtesyCheck check = new CourtesyCheck();

  @PersistenceContext(unitName = "courtesy")
  private EntityManager em;

  @Inject private Clock clock;

  public Current current(Tone tone, Locale language) {
    ActiveTemplate active = em.find(ActiveTemplate.class, key(tone, language));
    return active == null
        ? new Current(ReminderTemplates.shippedSource(tone, language), null, null, null)
        : new Current(
            active.source(), active.getVersion(), active.getUpdatedBy(), active.getUpdatedAt());
  }

  /** Renders the template with sample data and checks both bodies; writes nothing. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public TemplateReview review(Tone tone, Locale language, TemplateSource source) {
    ReminderTemplates templates;
    try {
      templates = source.parse(tone, language);
    } catch (TemplateException unreadable) {
      return new TemplateReview(unreadable.getMessage(), null, null, null);
    }
    Map<String, Object> model = ReminderModel.sample(language, LocalDate.now(clock));
    ReminderContent sample = templates.render(model);
    return new TemplateReview(
        null,
        sample,
        check.check(language, sample.text()),
        check.checkHtml(language, sample.html()));
  }

  /**
   * Puts the template in use for its tone and language.
   *
   * @param readVersion the version the editor opened, {@code null} if it opened the shipped one
   * @throws TemplateRefusedException when it cannot be read or fails the courtesy check
   * @throws ConcurrentChangeException when someone activated another since it was opened
   */
  public void activate(
      Tone tone, Locale language, TemplateSource source, Long readVersion, String by) {
    TemplateReview review = review(tone, language, source);
    if (!review.passes()) {
      throw new TemplateRefusedException(review);
    }
    ActiveTemplate active = em.find(ActiveTemplate.class, key(tone, language));
    if (active != null) {
      em.refresh(active, LockModeType.PESSIMISTIC_WRITE); // a second saver waits, then is told
    }
    Long current = active == null ? null : active.getVersion();
    if (!Objects.equals(current, readVersion)) {
      throw new ConcurrentChangeException(
          "The " + language.getDisplayLanguage(Locale.ENGLISH) + " " + tone.label() + " template",
          active == null ? null : active.getUpdatedBy(),
          active == null ? null : active.getUpdatedAt());
    }
    if (active == null) {
      active = new ActiveTemplate(tone, language.getLanguage());
      active.replace(source, by, OffsetDateTime.now(clock));
      em.persist(active);
    } else {
      active.replace(source, by, OffsetDateTime.now(clock));
    }
  }

  /** The templates the reminder run renders for this tone and language. */
  public ReminderTemplates templates(Tone tone, Locale language) {
    return current(tone, language).source().parse(tone, language);
  }

  private static ActiveTemplate.Key key(Tone tone, Locale language) {
    if (!ReminderTemplates.LANGUAGES.contains(Locale.forLanguageTag(language.getLanguage()))) {
      throw new IllegalArgumentException(
          "Reminders are written in English, German, French, Spanish, Italian or Dutch");
    }
    return new ActiveTemplate.Key(tone, language.getLanguage());
  }
}
