package app.courtesy.selfservice;

import app.courtesy.reminder.ReminderModel;
import app.courtesy.reminder.ReminderTemplates;
import java.util.Locale;

/**
 * The short emails the customer's page sends on its own, in each language reminders are written in
 * ({@link ReminderTemplates#LANGUAGES}): a fresh link, and the answer to a request an approver
 * could not agree to. Each greets by name, thanks, offers help and names two ways to reach us, as
 * every message does.
 */
record CustomerEmail(String subject, String body) {

  /** A fresh link: {@code %1$s} name, {@code %2$s} company, {@code %3$s} link, then the sender. */
  static CustomerEmail freshLink(Locale locale) {
    return switch (ReminderTemplates.languageOf(locale).getLanguage()) {
      case "de" ->
          new CustomerEmail(
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
          new CustomerEmail(
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
      case "es" ->
          new CustomerEmail(
              "Su nuevo enlace a sus facturas",
              """
              Buenos días %1$s,

              Gracias por su consulta. Aquí tiene un nuevo enlace a la página donde puede ver las facturas pendientes de %2$s, comunicarnos un pago o pedir más tiempo:

              %3$s

              Si tiene alguna pregunta, responda simplemente a este correo o llámenos al %4$s. Le ayudaremos con gusto.

              Un cordial saludo,
              %5$s
              %6$s, %7$s
              """);
      case "it" ->
          new CustomerEmail(
              "Il suo nuovo link alle sue fatture",
              """
              Gentile %1$s,

              grazie per la sua richiesta. Ecco un nuovo link alla pagina in cui può vedere le fatture aperte di %2$s, comunicarci un pagamento o chiedere più tempo:

              %3$s

              Per qualsiasi domanda, risponda semplicemente a questa email o ci chiami al %4$s. Saremo lieti di aiutarla.

              Cordiali saluti,
              %5$s
              %6$s, %7$s
              """);
      case "nl" ->
          new CustomerEmail(
              "Uw nieuwe link naar uw facturen",
              """
              Geachte %1$s,

              Dank u wel voor uw vraag. Hier is een nieuwe link naar de pagina waar u de openstaande facturen van %2$s kunt bekijken, een betaling aan ons kunt melden of om meer tijd kunt vragen:

              %3$s

              Hebt u vragen? Beantwoord dan gewoon deze e-mail of bel ons op %4$s. We helpen u graag.

              Met vriendelijke groet,
              %5$s
              %6$s, %7$s
              """);
      default ->
          new CustomerEmail(
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

  /**
   * The answer to a request an approver could not agree to: {@code %1$s} name, {@code %2$s} the
   * invoices, {@code %3$s} link, then the sender, then {@code %8$s} the approver's reason.
   */
  static CustomerEmail declined(Locale locale) {
    return switch (ReminderTemplates.languageOf(locale).getLanguage()) {
      case "de" ->
          new CustomerEmail(
              "Ihre Anfrage zu den Rechnungen %2$s",
              """
              Guten Tag %1$s,

              vielen Dank für Ihre Anfrage zu den Rechnungen %2$s. Wir haben sie sorgfältig geprüft und können ihr so leider nicht zustimmen: %8$s

              Wir möchten trotzdem gern eine Lösung finden, die für Sie passt. Antworten Sie einfach auf diese E-Mail, rufen Sie uns an (%4$s), oder machen Sie auf Ihrer Seite einen anderen Vorschlag:

              %3$s

              Mit freundlichen Grüßen
              %5$s
              %6$s, %7$s
              """);
      case "fr" ->
          new CustomerEmail(
              "Votre demande concernant les factures %2$s",
              """
              Bonjour %1$s,

              merci pour votre demande concernant les factures %2$s. Nous l'avons examinée avec attention et ne pouvons malheureusement pas l'accepter telle quelle : %8$s

              Nous souhaitons néanmoins trouver une solution qui vous convienne. Répondez simplement à cet e-mail, appelez-nous au %4$s, ou faites une autre proposition sur votre page :

              %3$s

              Bien cordialement,
              %5$s
              %6$s, %7$s
              """);
      case "es" ->
          new CustomerEmail(
              "Su solicitud sobre las facturas %2$s",
              """
              Buenos días %1$s,

              Gracias por su solicitud sobre las facturas %2$s. La hemos estudiado con atención y lamentamos no poder aceptarla tal como nos la plantea: %8$s

              Aun así, nos gustaría encontrar una solución que le convenga. Responda simplemente a este correo, llámenos al %4$s o haga otra propuesta en su página:

              %3$s

              Un cordial saludo,
              %5$s
              %6$s, %7$s
              """);
      case "it" ->
          new CustomerEmail(
              "La sua richiesta relativa alle fatture %2$s",
              """
              Gentile %1$s,

              grazie per la sua richiesta relativa alle fatture %2$s. L'abbiamo esaminata con attenzione e siamo spiacenti di non poterla accogliere così come formulata: %8$s

              Desideriamo comunque trovare una soluzione adatta a lei. Risponda semplicemente a questa email, ci chiami al %4$s oppure faccia un'altra proposta sulla sua pagina:

              %3$s

              Cordiali saluti,
              %5$s
              %6$s, %7$s
              """);
      case "nl" ->
          new CustomerEmail(
              "Uw verzoek over de facturen %2$s",
              """
              Geachte %1$s,

              Dank u wel voor uw verzoek over de facturen %2$s. We hebben het zorgvuldig bekeken en kunnen er tot onze spijt niet mee instemmen zoals gevraagd: %8$s

              We vinden graag toch een oplossing die bij u past. Beantwoord gewoon deze e-mail, bel ons op %4$s, of doe op uw pagina een ander voorstel:

              %3$s

              Met vriendelijke groet,
              %5$s
              %6$s, %7$s
              """);
      default ->
          new CustomerEmail(
              "Your request about invoices %2$s",
              """
              Dear %1$s,

              Thank you for your request about invoices %2$s. We have looked at it carefully and are sorry that we cannot agree to it as asked: %8$s

              We would still like to find something that works for you. Just reply to this email, call us on %4$s, or make another suggestion on your page:

              %3$s

              Kind regards,
              %5$s
              %6$s, %7$s
              """);
    };
  }

  String subject(String invoices) {
    return subject.formatted("", invoices);
  }

  /** The body for {@code name}, with {@code detail} and {@code link} and the sender's details. */
  String body(String name, String detail, String link, ReminderModel.Sender sender, String reason) {
    return body.formatted(
        name, detail, link, sender.phone(), sender.name(), sender.team(), sender.company(), reason);
  }
}
