package app.courtesy.arrangement;

import app.courtesy.reminder.HtmlText;
import app.courtesy.reminder.MessageTemplate;
import app.courtesy.reminder.MessageTemplate.Escaping;
import app.courtesy.reminder.ReminderContent;
import app.courtesy.reminder.ReminderModel;
import app.courtesy.reminder.ReminderModel.DueInvoice;
import app.courtesy.reminder.ReminderModel.Recipient;
import app.courtesy.reminder.ReminderModel.Sender;
import app.courtesy.reminder.ReminderTemplates;
import app.courtesy.shared.Money;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emails a customer receives about an approved payment arrangement: the confirmation, a
 * friendly note a few days before each date, and — for instalment plans only — one gentle "we
 * noticed" message when an instalment has not arrived. Each is a shipped plain-text template in
 * {@code reminder/templates/arrangement_<letter>_<language>.txt} (first line {@code Subject: …}, an
 * empty line, the body) in the {@link MessageTemplate} language; the HTML is made from the text by
 * {@link HtmlText#html}.
 *
 * <p>Usage: {@code ReminderContent email = ArrangementLetters.render(ArrangementLetter.DUE,
 * Locale.GERMAN, recipient, "Weber & Söhne GmbH", sender, link, facts, 2);}
 *
 * <p>The model holds plain values already written for the recipient's locale: amounts with their
 * currency, dates spelt out. Its names are the template vocabulary:
 *
 * <ul>
 *   <li>as in {@link ReminderModel}: {@code contact.salutation}, {@code contact.name}, {@code
 *       contact.lastName}, {@code customer.name}, {@code sender.name}, {@code sender.team}, {@code
 *       sender.email}, {@code sender.phone}, {@code company.name}, {@code selfServiceLink};
 *   <li>{@code plan}, {@code extension}, {@code discount}: which kind of arrangement it is, exactly
 *       one of them true;
 *   <li>{@code invoices} (each with {@code number}, {@code amount}, {@code dueDate} — the original
 *       due date), {@code invoiceCount}, {@code total} (the amount the arrangement covers);
 *   <li>for a plan: {@code instalments} (each with {@code number}, {@code date}, {@code amount}),
 *       {@code instalmentCount}; and in the due and missed letters the instalment they are about,
 *       {@code instalment.number}, {@code instalment.date}, {@code instalment.amount}, with {@code
 *       remainingAfter} (what the later instalments add up to) and {@code lastInstalment} (true
 *       when none follow);
 *   <li>for an extension: {@code newDueDate};
 *   <li>for a discount: {@code discountPercent} (with its percent sign, e.g. {@code 2 %} in
 *       German), {@code discountAmount}, {@code payable} (what is paid instead of {@code total}),
 *       {@code payBy}.
 * </ul>
 */
public final class ArrangementLetters {

  /** The three letters, each named after its templates. */
  public enum ArrangementLetter {
    /** Sent when the arrangement is approved: everything agreed, in one place. */
    CONFIRMED("arrangement_confirmed"),
    /** A few days before an instalment, a new due date or a discount's pay-by date. */
    DUE("arrangement_due"),
    /** A few days after an instalment that has not arrived; for plans only. */
    MISSED("arrangement_missed");

    private final String stem;

    ArrangementLetter(String stem) {
      this.stem = stem;
    }

    /** The name of its shipped templates, e.g. {@code arrangement_due} for {@code _de.txt}. */
    public String stem() {
      return stem;
    }
  }

  /**
   * What the customer is told about an approved arrangement. Fields that do not belong to the kind
   * are null (or empty, for instalments). The letters repeat these figures word for word, so they
   * must agree: a plan's instalments, numbered from 1 in order, add up to {@code covered}; a
   * discount's {@code discount} and {@code payable} add up to {@code covered}.
   *
   * @param invoices the covered invoices with the amount of each the arrangement covers
   * @param covered the amount the arrangement covers, in the invoices' currency
   * @param instalments a plan's instalments
   * @param newDueDate an extension's new due date for all covered invoices
   * @param discountPercent a discount's percentage, e.g. {@code 2} for 2 %
   * @param discount the amount taken off when paid in full by {@code payBy}
   * @param payable what is paid instead of {@code covered} to receive the discount
   * @param payBy the last day to pay {@code payable}
   */
  public record ArrangementFacts(
      ArrangementKind kind,
      List<DueInvoice> invoices,
      Money covered,
      List<PlannedInstalment> instalments,
      LocalDate newDueDate,
      BigDecimal discountPercent,
      Money discount,
      Money payable,
      LocalDate payBy) {

    public ArrangementFacts {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(covered, "covered");
      invoices = List.copyOf(Objects.requireNonNull(invoices, "invoices"));
      instalments = instalments == null ? List.of() : List.copyOf(instalments);
      if (invoices.isEmpty()) {
        throw new IllegalArgumentException("An arrangement covers at least one invoice");
      }
      switch (kind) {
        case INSTALMENTS -> requirePlan(instalments, covered);
        case EXTENSION -> Objects.requireNonNull(newDueDate, "newDueDate");
        case DISCOUNT -> {
          Objects.requireNonNull(discountPercent, "discountPercent");
          Objects.requireNonNull(payBy, "payBy");
          if (Objects.requireNonNull(discount, "discount")
                  .plus(Objects.requireNonNull(payable, "payable"))
                  .compareTo(covered)
              != 0) {
            throw new IllegalArgumentException(
                "Discount " + discount + " and payable " + payable + " must add up to " + covered);
          }
        }
      }
    }

    /** An instalment plan for {@code covered}. */
    public static ArrangementFacts plan(
        List<DueInvoice> invoices, Money covered, List<PlannedInstalment> instalments) {
      return new ArrangementFacts(
          ArrangementKind.INSTALMENTS,
          invoices,
          covered,
          instalments,
          null,
          null,
          null,
          null,
          null);
    }

    /** A new due date for the covered invoices. */
    public static ArrangementFacts extension(
        List<DueInvoice> invoices, Money covered, LocalDate newDueDate) {
      return new ArrangementFacts(
          ArrangementKind.EXTENSION,
          invoices,
          covered,
          List.of(),
          newDueDate,
          null,
          null,
          null,
          null);
    }

    /** {@code percent} off, {@code discount}, if {@code payable} is paid by {@code payBy}. */
    public static ArrangementFacts discount(
        List<DueInvoice> invoices,
        Money covered,
        BigDecimal percent,
        Money discount,
        Money payable,
        LocalDate payBy) {
      return new ArrangementFacts(
          ArrangementKind.DISCOUNT,
          invoices,
          covered,
          List.of(),
          null,
          percent,
          discount,
          payable,
          payBy);
    }

    private static void requirePlan(List<PlannedInstalment> instalments, Money covered) {
      if (instalments.isEmpty()) {
        throw new IllegalArgumentException("A plan has at least one instalment");
      }
      Money sum = Money.zero(covered.currency());
      for (int i = 0; i < instalments.size(); i++) {
        if (instalments.get(i).number() != i + 1) {
          throw new IllegalArgumentException(
              "Instalments are numbered 1, 2, 3 … in order, not " + instalments);
        }
        sum = sum.plus(instalments.get(i).amount());
      }
      if (sum.compareTo(covered) != 0) {
        throw new IllegalArgumentException(
            "The instalments add up to " + sum + ", not the covered " + covered);
      }
    }
  }

  private record Parsed(MessageTemplate subject, MessageTemplate text) {}

  private static final String SUBJECT = "Subject:";
  private static final Map<String, Parsed> TEMPLATES = new ConcurrentHashMap<>();

  private ArrangementLetters() {}

  /**
   * One letter for one recipient.
   *
   * @param language the language to write in; one Courtesy does not ship falls back to English (see
   *     {@link ReminderTemplates#languageOf})
   * @param instalmentNumber for the due and missed letters of a plan, which instalment (1 for the
   *     first) they are about; otherwise 0
   * @throws IllegalArgumentException for a missed-instalment letter about anything but a plan, or
   *     an instalment number the letter and plan do not have
   */
  public static ReminderContent render(
      ArrangementLetter letter,
      Locale language,
      Recipient recipient,
      String customerName,
      Sender sender,
      String selfServiceLink,
      ArrangementFacts facts,
      int instalmentNumber) {
    Map<String, Object> model =
        model(letter, recipient, customerName, sender, selfServiceLink, facts, instalmentNumber);
    Parsed templates = templates(letter, ReminderTemplates.languageOf(language));
    String text = templates.text().render(model, Escaping.NONE);
    return new ReminderContent(
        templates.subject().render(model, Escaping.NONE).strip(), text, HtmlText.html(text));
  }

  private static Map<String, Object> model(
      ArrangementLetter letter,
      Recipient recipient,
      String customerName,
      Sender sender,
      String selfServiceLink,
      ArrangementFacts facts,
      int instalmentNumber) {
    boolean plan = facts.kind() == ArrangementKind.INSTALMENTS;
    if (letter == ArrangementLetter.MISSED && !plan) {
      throw new IllegalArgumentException(
          "Only an instalment plan has a missed instalment, not " + facts.kind());
    }
    boolean aboutOne = plan && letter != ArrangementLetter.CONFIRMED;
    int count = facts.instalments().size();
    if (aboutOne ? instalmentNumber < 1 || instalmentNumber > count : instalmentNumber != 0) {
      throw new IllegalArgumentException(
          aboutOne
              ? "Instalment " + instalmentNumber + " is not one of the plan's " + count
              : "The " + letter + " letter of " + facts.kind() + " is about no one instalment");
    }
    Locale locale = recipient.locale();
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);

    Map<String, Object> model =
        new LinkedHashMap<>(ReminderModel.thanks(recipient, customerName, sender, selfServiceLink));
    model.put("plan", plan);
    model.put("extension", facts.kind() == ArrangementKind.EXTENSION);
    model.put("discount", facts.kind() == ArrangementKind.DISCOUNT);

    List<Map<String, Object>> invoices = new ArrayList<>();
    for (DueInvoice invoice : facts.invoices()) {
      invoices.add(
          Map.of(
              "number", invoice.number(),
              "amount", invoice.open().format(locale),
              "dueDate", dates.format(invoice.dueDate())));
    }
    model.put("invoices", List.copyOf(invoices));
    model.put("invoiceCount", invoices.size());
    model.put("total", facts.covered().format(locale));

    List<Map<String, Object>> instalments = new ArrayList<>();
    for (PlannedInstalment instalment : facts.instalments()) {
      instalments.add(instalment(instalment, locale, dates));
    }
    model.put("instalments", List.copyOf(instalments));
    model.put("instalmentCount", count);
    if (aboutOne) {
      model.put("instalment", instalments.get(instalmentNumber - 1));
      Money remaining = Money.zero(facts.covered().currency());
      for (PlannedInstalment later : facts.instalments().subList(instalmentNumber, count)) {
        remaining = remaining.plus(later.amount());
      }
      model.put("remainingAfter", remaining.format(locale));
      model.put("lastInstalment", instalmentNumber == count);
    }
    if (facts.newDueDate() != null) {
      model.put("newDueDate", dates.format(facts.newDueDate()));
    }
    if (facts.kind() == ArrangementKind.DISCOUNT) {
      NumberFormat percent = NumberFormat.getPercentInstance(locale);
      percent.setMaximumFractionDigits(2);
      model.put("discountPercent", percent.format(facts.discountPercent().movePointLeft(2)));
      model.put("discountAmount", facts.discount().format(locale));
      model.put("payable", facts.payable().format(locale));
      model.put("payBy", dates.format(facts.payBy()));
    }
    return model;
  }

  private static Map<String, Object> instalment(
      PlannedInstalment instalment, Locale locale, DateTimeFormatter dates) {
    return Map.of(
        "number", instalment.number(),
        "date", dates.format(instalment.dueOn()),
        "amount", instalment.amount().format(locale));
  }

  private static Parsed templates(ArrangementLetter letter, Locale language) {
    return TEMPLATES.computeIfAbsent(
        letter.stem() + "_" + language.getLanguage(), ArrangementLetters::parse);
  }

  private static Parsed parse(String name) {
    String resource = "/reminder/templates/" + name + ".txt";
    String source;
    try (InputStream in = ArrangementLetters.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No template " + resource);
      }
      source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int firstLineEnd = source.indexOf('\n');
    String subject = firstLineEnd < 0 ? "" : source.substring(0, firstLineEnd).strip();
    if (!subject.startsWith(SUBJECT)) {
      throw new IllegalStateException(resource + " must start with a line " + SUBJECT + " …");
    }
    return new Parsed(
        MessageTemplate.parse(subject.substring(SUBJECT.length()).strip()),
        MessageTemplate.parse(source.substring(firstLineEnd + 1).stripLeading()));
  }
}
