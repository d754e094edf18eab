package app.courtesy.selfservice;

import app.courtesy.reminder.ReminderModel;
import app.courtesy.reminder.ReminderTemplates;
import java.util.Locale;

/** The short email that brings a customer a fresh link, in English, German or French. */
record FreshLinkText(String subject, String body) {

  static FreshLinkText of(Locale locale) {
    return switch (ReminderTemplates.languageOf(locale).getLanguage()) {
      case "de" ->
          new FreshLinkText(
              "Ihr neuer Link zu Ihren Rechnungen",
              """
              Guten Tag %1$s,

              vielen Dank für Ihre Nachfrage. Hier ist ein neuer Link zu der Seite, auf der Sie die offenen Rechnungen von %2$s sehen, uns eine Zahlung mitteilen oder mehr Zeit erbitten können:

              %3$s

              Haben Sie Fragen? Antworten Sie einfach auf diese E-Mail oder rufen Sie uns an: %4$s. Wir helfen gern.

              Mit freundlichen Grüßen
              %5$s
              %6$s, %7$s
              """);
      case "fr" ->
          new FreshLinkText(
              "Votre nouveau lien vers vos factures",
              """
              Bonjour %1$s,

              merci de votre demande. Voici un nouveau lien vers la page où vous pouvez consulter les factures ouvertes de %2$s, nous signaler un paiement ou demander un délai :

              %3$s

              Une question ? Répondez simplement à cet e-mail ou appelez-nous au %4$s. Nous sommes là pour vous aider.

              Bien cordialement,
              %5$s
              %6$s, %7$s
              """);
      default ->
          new FreshLinkText(
              "Your new link to your invoices",
              """
              Dear %1$s,

              Thank you for asking. Here is a new link to the page where you can see what is open for %2$s, tell us about a payment, or ask for more time:

              %3$s

              If you have any questions, just reply to this email or call us on %4$s. We are glad to help.

              Kind regards,
              %5$s
              %6$s, %7$s
              """);
    };
  }

  /** The body for {@code name} at {@code customer}, with {@code link} and the sender's details. */
  String body(String name, String customer, String link, ReminderModel.Sender sender) {
    return body.formatted(
        name, customer, link, sender.phone(), sender.name(), sender.team(), sender.company());
  }
}
