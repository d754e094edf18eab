package app.courtesy.reminder;

import app.courtesy.shared.Money;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a reminder template can say, as plain values already written for the recipient's locale:
 * amounts with their currency, dates spelt out, titles in the recipient's language. The names are
 * the template vocabulary: {@code contact.salutation}, {@code contact.name}, {@code
 * contact.lastName}, {@code customer.name}, {@code invoices} (each with {@code number}, {@code
 * amount}, {@code dueDate}, {@code daysOverdue}, {@code overdue}, and for one instalment of an
 * invoice paid in instalments {@code instalment}, e.g. "instalment 2 of 2"), {@code total}, {@code
 * invoiceCount}, {@code overdue}, {@code selfServiceLink}, {@code reportedPaid} (the day the
 * customer told us they had paid, while that payment has not arrived), {@code sender.name}, {@code
 * sender.team}, {@code sender.email}, {@code sender.phone}, {@code company.name}; where the policy
 * shows late-payment charges and some are open, {@code charges} (see {@link #withCharges}).
 */
public final class ReminderModel {

  /** The person the reminder greets. */
  public record Recipient(String salutation, String name, Locale locale) {}

  /** Who signs the reminder and how to reach them. */
  public record Sender(String name, String team, String email, String phone, String company) {}

  /**
   * An invoice the reminder lists, with what is open on it; or one instalment of an invoice paid in
   * instalments, with what is open on that instalment and its due date.
   *
   * @param instalment the instalment's number, from 1; 0 for the invoice as a whole
   * @param instalments how many instalments the invoice has; 0 for one due at once
   */
  public record DueInvoice(
      String number, Money open, LocalDate dueDate, int instalment, int instalments) {

    /** The invoice as a whole. */
    public DueInvoice(String number, Money open, LocalDate dueDate) {
      this(number, open, dueDate, 0, 0);
    }
  }

  /**
   * "instalment 2 of 3" in each shipped language; {@code {0}} the number, {@code {1}} of how many.
   */
  private static final Map<String, String> INSTALMENT =
      Map.of(
          "en", "instalment {0} of {1}",
          "de", "Rate {0} von {1}",
          "fr", "échéance {0} sur {1}",
          "es", "plazo {0} de {1}",
          "it", "rata {0} di {1}",
          "nl", "termijn {0} van {1}");

  private static final Map<String, Map<String, String>> TITLES =
      Map.of(
          "de", Map.of("ms", "Frau", "mrs", "Frau", "mr", "Herr"),
          "fr", Map.of("ms", "Madame", "mrs", "Madame", "mr", "Monsieur"),
          "es", Map.of("ms", "Sra.", "mrs", "Sra.", "mr", "Sr."),
          "it", Map.of("ms", "Sig.ra", "mrs", "Sig.ra", "mr", "Sig."),
          "nl", Map.of("ms", "mevrouw", "mrs", "mevrouw", "mr", "heer"),
          "en", Map.of());

  private ReminderModel() {}

  /**
   * The model of one reminder.
   *
   * @param invoices all in one currency (one reminder per customer and currency)
   */
  public static Map<String, Object> of(
      Recipient recipient,
      String customerName,
      List<DueInvoice> invoices,
      LocalDate today,
      Sender sender,
      String selfServiceLink) {
    return of(recipient, customerName, invoices, today, sender, selfServiceLink, null);
  }

  /**
   * The model of one reminder that, where {@code reportedPaidOn} is given, thanks the customer for
   * telling us on that day that they had paid, and asks again gently ({@code reportedPaid}).
   */
  public static Map<String, Object> of(
      Recipient recipient,
      String customerName,
      List<DueInvoice> invoices,
      LocalDate today,
      Sender sender,
      String selfServiceLink,
      LocalDate reportedPaidOn) {
    Locale locale = recipient.locale();
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    List<Map<String, Object>> items = new ArrayList<>();
    Money total = Money.zero(invoices.get(0).open().currency());
    boolean anyOverdue = false;
    for (DueInvoice invoice : invoices) {
      long daysOverdue = Math.max(0, ChronoUnit.DAYS.between(invoice.dueDate(), today));
      anyOverdue |= daysOverdue > 0;
      total = total.plus(invoice.open());
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("number", invoice.number());
      item.put("amount", invoice.open().format(locale));
      item.put("dueDate", dates.format(invoice.dueDate()));
      item.put("daysOverdue", daysOverdue);
      item.put("overdue", daysOverdue > 0);
      if (invoice.instalment() > 0) {
        item.put(
            "instalment",
            INSTALMENT
                .getOrDefault(locale.getLanguage(), INSTALMENT.get("en"))
                .replace("{0}", String.valueOf(invoice.instalment()))
                .replace("{1}", String.valueOf(invoice.instalments())));
      }
      items.add(Map.copyOf(item));
    }
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("contact", contact(recipient));
    model.put("customer", Map.of("name", customerName));
    model.put("invoices", List.copyOf(items));
    model.put("invoiceCount", items.size());
    model.put("total", total.format(locale));
    model.put("overdue", anyOverdue);
    model.put("selfServiceLink", selfServiceLink);
    if (reportedPaidOn != null) {
      model.put("reportedPaid", dates.format(reportedPaidOn));
    }
    model.put("sender", sender(sender));
    model.put("company", Map.of("name", sender.company()));
    return model;
  }

  private static Map<String, Object> contact(Recipient recipient) {
    String name = recipient.name().strip();
    return Map.of(
        "salutation", title(recipient.salutation(), recipient.locale()),
        "name", name,
        "lastName", lastName(name));
  }

  /**
   * How a contact is greeted in {@code language}, as the templates do: title and last name ("Frau
   * Weber", "mevrouw Visser"), or the full name without a title.
   */
  public static String greeted(String name, String salutation, Locale language) {
    String title = title(salutation, language);
    return title.isEmpty() ? name.strip() : title + " " + lastName(name.strip());
  }

  private static String lastName(String name) {
    return name.substring(name.lastIndexOf(' ') + 1);
  }

  private static Map<String, Object> sender(Sender sender) {
    return Map.of(
        "name", sender.name(),
        "team", sender.team(),
        "email", sender.email(),
        "phone", sender.phone());
  }

  /** The model of a thank-you: who is greeted and who signs, their page, no invoices. */
  public static Map<String, Object> thanks(
      Recipient recipient, String customerName, Sender sender, String selfServiceLink) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("contact", contact(recipient));
    model.put("customer", Map.of("name", customerName));
    model.put("selfServiceLink", selfServiceLink);
    model.put("sender", sender(sender));
    model.put("company", Map.of("name", sender.company()));
    return model;
  }

  /**
   * A reminder of two invoices for previews in {@code locale}: one overdue, with the statutory
   * interest and compensation charged on it, and the first instalment of one paid in two.
   */
  public static Map<String, Object> sample(Locale locale, LocalDate today) {
    return withCharges(
        sampleWithoutCharges(locale, today),
        new ChargesDue(
            Money.of("52.34", "EUR"),
            List.of("CHG-0000123"),
            Money.of("12.34", "EUR"),
            today,
            "directive",
            Money.of("40.00", "EUR"),
            null),
        locale);
  }

  private static Map<String, Object> sampleWithoutCharges(Locale locale, LocalDate today) {
    return of(
        new Recipient("Ms", "Hannah Weber", locale),
        "Weber & Söhne GmbH",
        List.of(
            new DueInvoice("INV-2041", Money.of("1250.00", "EUR"), today.minusDays(12)),
            new DueInvoice("INV-2107", Money.of("480.50", "EUR"), today.plusDays(3), 1, 2)),
        today,
        new Sender(
            "Sam Meyer",
            "Accounts receivable",
            "ar@courtesy.example",
            "+49 30 1234567",
            "Courtesy"),
        "https://pay.courtesy.example/s/sample");
  }

  /**
   * The late-payment charges a reminder states, where its policy says so: what is open in the
   * reminder's currency, and what was charged on the documents still open.
   *
   * @param documents the numbers of the open charge documents
   * @param interest interest charged (corrections included); null or zero when none
   * @param interestUntil the last day interest was charged for
   * @param basis {@code directive}, {@code act} or {@code contractual}: on what terms
   * @param compensation the law's fixed compensation charged; null or zero when none
   * @param fees reminder fees charged; null or zero when none
   */
  public record ChargesDue(
      Money open,
      List<String> documents,
      Money interest,
      LocalDate interestUntil,
      String basis,
      Money compensation,
      Money fees) {}

  /**
   * {@code model} with {@code charges}: {@code charges.open} (the amount open), {@code
   * charges.documents} (their numbers), and where charged {@code charges.interest} (with {@code
   * amount}, {@code until} and one of the flags {@code directive}, {@code act}, {@code
   * contractual}), {@code charges.compensation} (with {@code amount} and {@code directive} or
   * {@code act}) and {@code charges.fees} (with {@code amount}). Without charges, the model as it
   * is.
   */
  public static Map<String, Object> withCharges(
      Map<String, Object> model, ChargesDue charges, Locale locale) {
    if (charges == null || !charges.open().isPositive()) {
      return model;
    }
    DateTimeFormatter dates =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("open", charges.open().format(locale));
    shown.put("documents", String.join(", ", charges.documents()));
    String basis = charges.basis() == null ? "" : charges.basis();
    if (charges.interest() != null && charges.interest().isPositive()) {
      shown.put(
          "interest",
          Map.of(
              "amount", charges.interest().format(locale),
              "until", charges.interestUntil() == null ? "" : dates.format(charges.interestUntil()),
              "directive", basis.equals("directive"),
              "act", basis.equals("act"),
              "contractual", basis.equals("contractual")));
    }
    if (charges.compensation() != null && charges.compensation().isPositive()) {
      shown.put(
          "compensation",
          Map.of(
              "amount", charges.compensation().format(locale),
              "directive", !basis.equals("act"),
              "act", basis.equals("act")));
    }
    if (charges.fees() != null && charges.fees().isPositive()) {
      shown.put("fees", Map.of("amount", charges.fees().format(locale)));
    }
    Map<String, Object> with = new LinkedHashMap<>(model);
    with.put("charges", shown);
    return with;
  }

  private static String title(String salutation, Locale locale) {
    if (salutation == null || salutation.isBlank()) {
      return "";
    }
    String plain = salutation.strip().replace(".", "").toLowerCase(Locale.ROOT);
    return TITLES
        .getOrDefault(locale.getLanguage(), Map.of())
        .getOrDefault(plain, salutation.strip());
  }
}
