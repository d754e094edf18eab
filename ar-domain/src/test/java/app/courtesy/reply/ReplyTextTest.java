package app.courtesy.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyTextTest {

  @Test
  void gmailReplyShowsOnlyTheCustomersWordsAboveTheWrappedAttribution() {
    String body =
        "Hi,\r\n"
            + "\r\n"
            + "we paid this yesterday, ref 88231.   \r\n"
            + "\r\n"
            + "Best,\r\n"
            + "Jane\r\n"
            + "\r\n"
            + "On Thu, 3 Dec 2026 at 10:02, Courtesy Collections <ar@courtesy.example>\r\n"
            + "wrote:\r\n"
            + "\r\n"
            + "> Dear Jane,\r\n"
            + ">\r\n"
            + "> invoice 4711 over 120.00 GBP is now overdue.\r\n";

    assertThat(ReplyText.newText(body))
        .as("the collector reads the customer's answer, not our reminder")
        .isEqualTo("Hi,\n\nwe paid this yesterday, ref 88231.\n\nBest,\nJane");
  }

  @Test
  void outlookGermanReplyIsCutAtTheVonGesendetBlock() {
    String body =
        "Guten Tag,\n"
            + "\n"
            + "die Zahlung ist raus, Verwendungszweck RE-4711.\n"
            + "\n"
            + "Mit freundlichen Grüßen\n"
            + "Hans Müller\n"
            + "\n"
            + "Von: Courtesy Forderungsmanagement <ar@courtesy.example>\n"
            + "Gesendet: Donnerstag, 3. Dezember 2026 10:02\n"
            + "An: Hans Müller <hm@example.de>\n"
            + "Betreff: Zahlungserinnerung Rechnung 4711\n"
            + "\n"
            + "Sehr geehrter Herr Müller,\n"
            + "die Rechnung 4711 ist seit dem 20.11.2026 fällig.\n";

    assertThat(ReplyText.newText(body))
        .isEqualTo(
            "Guten Tag,\n\ndie Zahlung ist raus, Verwendungszweck RE-4711.\n\n"
                + "Mit freundlichen Grüßen\nHans Müller");
  }

  @Test
  void appleMailFrenchReplyLosesTheMobileFooterAndTheQuote() {
    String body =
        "Bonjour,\n"
            + "\n"
            + "Nous avons effectué le virement hier.\n"
            + "\n"
            + "Envoyé de mon iPhone\n"
            + "\n"
            + "> Le 3 déc. 2026 à 10:02, Courtesy <ar@courtesy.example> a écrit\u202f:\n"
            + "> \n"
            + "> Madame, la facture 4711 est échue.\n";

    assertThat(ReplyText.newText(body))
        .isEqualTo("Bonjour,\n\nNous avons effectué le virement hier.");
  }

  @Test
  void frenchAttributionWithoutQuoteMarksIsCut() {
    String body =
        "Je vous renvoie le justificatif.\n"
            + "\n"
            + "Le jeu. 3 déc. 2026 à 10:02, Courtesy <ar@courtesy.example> a écrit :\n"
            + "Madame, la facture 4711 est échue.\n";

    assertThat(ReplyText.newText(body)).isEqualTo("Je vous renvoie le justificatif.");
  }

  @Test
  void germanAttributionIsCut() {
    String body =
        "Wir überweisen am Freitag.\n"
            + "Am 03.12.2026 um 10:02 schrieb Jane Doe <j@x.org>:\n"
            + "Sehr geehrte Damen und Herren\n";

    assertThat(ReplyText.newText(body)).isEqualTo("Wir überweisen am Freitag.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "El jue, 3 dic 2026 a las 10:02, Courtesy (<ar@courtesy.example>) escribió:",
        "Il giorno gio 3 dic 2026 alle ore 10:02 Courtesy <ar@courtesy.example> ha scritto:",
        "Op do 3 dec 2026 om 10:02 schreef Courtesy <ar@courtesy.example>:"
      })
  void spanishItalianAndDutchAttributionsAreCut(String attribution) {
    String body = "Pagaremos el viernes.\n\n" + attribution + "\n> La factura 4711 ha vencido.\n";

    assertThat(ReplyText.newText(body)).isEqualTo("Pagaremos el viernes.");
  }

  @Test
  void signatureAfterDashDashSpaceIsCut() {
    String body =
        "Please send me a copy of the invoice.\n"
            + "\n"
            + "-- \n"
            + "Jane Doe | Head of Accounts\n"
            + "Example Ltd, 1 High Street, London\n"
            + "Tel. +44 20 7946 0000\n";

    assertThat(ReplyText.newText(body)).isEqualTo("Please send me a copy of the invoice.");
    assertThat(ReplyText.newText("Paid.\n--\nJane")).isEqualTo("Paid.");
  }

  @Test
  void aDashDashThatIsPartOfASentenceStays() {
    assertThat(ReplyText.newText("We paid -- twice!\n--> see below"))
        .isEqualTo("We paid -- twice!\n--> see below");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-----Original Message-----",
        "-----Ursprüngliche Nachricht-----",
        "-------- Message d'origine --------",
        "-------- Original-Nachricht --------",
        "-----Mensaje original-----",
        "-------- Messaggio originale --------",
        "-----Oorspronkelijk bericht-----",
        "________________________________"
      })
  void separatorsCutTheHistory(String separator) {
    String body = "Will pay Friday.\n\n" + separator + "\nFrom: Courtesy\nDear customer";

    assertThat(ReplyText.newText(body)).isEqualTo("Will pay Friday.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "From: Courtesy <ar@courtesy.example>\nSent: Thursday, December 3, 2026 10:02 AM",
        "From: Courtesy <ar@courtesy.example>\nTo: Jane\nCc: Bob\nDate: 3 Dec 2026",
        "*From:* Courtesy\n*Sent:* Thursday",
        "Von: Courtesy\nAn: Hans\nGesendet: Donnerstag, 3. Dezember 2026",
        "De : Courtesy <ar@courtesy.example>\nEnvoyé : jeudi 3 décembre 2026 10:02",
        "De: Courtesy <ar@courtesy.example>\nEnviado: jueves, 3 de diciembre de 2026 10:02",
        "Da: Courtesy <ar@courtesy.example>\nInviato: giovedì 3 dicembre 2026 10:02",
        "Van: Courtesy <ar@courtesy.example>\nVerzonden: donderdag 3 december 2026 10:02"
      })
  void outlookHeaderBlocksCutTheHistory(String header) {
    String body = "Invoice is wrong.\n\n" + header + "\nSubject: Reminder\n\nDear customer";

    assertThat(ReplyText.newText(body)).isEqualTo("Invoice is wrong.");
  }

  @Test
  void aFromLineWithoutASentLineIsTheCustomersText() {
    String body = "From: Example Ltd accounts\nWe paid on 1 December.\nThanks\nJane\nBob";

    assertThat(ReplyText.newText(body)).isEqualTo(body);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sent from my iPhone",
        "Sent from my Android",
        "Get Outlook for iOS",
        "Get Outlook for Android",
        "Von meinem iPhone gesendet",
        "Gesendet von meinem Samsung Galaxy Smartphone.",
        "Envoyé de mon iPhone",
        "Envoyé depuis mon appareil mobile Orange",
        "Enviado desde mi iPhone",
        "Inviato da iPhone",
        "Verstuurd vanaf mijn iPhone",
        "Verzonden met Outlook voor Android"
      })
  void mobileFootersAreCut(String footer) {
    assertThat(ReplyText.newText("Paid yesterday.\n\n" + footer + "\n\nOld stuff"))
        .isEqualTo("Paid yesterday.");
  }

  @Test
  void answersWrittenBetweenQuotedLinesAreKept() {
    String body =
        "> Invoice 4711 over 120.00 GBP is overdue.\n"
            + "We paid it on 1 December.\n"
            + "> Invoice 4712 over 80.00 GBP is overdue.\n"
            + "This one is wrong, we never ordered it.\n"
            + ">> older quote\n";

    assertThat(ReplyText.newText(body))
        .isEqualTo("We paid it on 1 December.\nThis one is wrong, we never ordered it.");
  }

  @Test
  void whenNothingIsLeftTheWholeBodyIsShown() {
    String quoteOnly = "\n\nOn Thu, 3 Dec 2026 at 10:02, X <a@b.c> wrote:\n> Dear Jane\n\n";
    String bottomPosted = "> Dear Jane, please pay.\n\nPaid!  \n";

    assertThat(ReplyText.newText(quoteOnly))
        .isEqualTo("On Thu, 3 Dec 2026 at 10:02, X <a@b.c> wrote:\n> Dear Jane");
    assertThat(ReplyText.newText(bottomPosted)).isEqualTo("Paid!");
    assertThat(ReplyText.newText("-- \nJane Doe")).isEqualTo("--\nJane Doe");
  }

  @Test
  void blankAndNullBodiesGiveEmptyText() {
    assertThat(ReplyText.newText(null)).isEmpty();
    assertThat(ReplyText.newText(" \r\n\t\n")).isEmpty();
  }

  @Test
  void smsWithoutHistoryIsOnlyTrimmed() {
    assertThat(ReplyText.newText("  Will pay on Friday, sorry!  \r\n\r\n\r\n"))
        .isEqualTo("Will pay on Friday, sorry!");
  }
}
