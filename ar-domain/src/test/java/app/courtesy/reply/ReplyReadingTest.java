package app.courtesy.reply;

import static app.courtesy.reply.Suggestion.Kind.ALREADY_PAID;
import static app.courtesy.reply.Suggestion.Kind.DISPUTE;
import static app.courtesy.reply.Suggestion.Kind.HARDSHIP;
import static app.courtesy.reply.Suggestion.Kind.INVOICE_COPY;
import static app.courtesy.reply.Suggestion.Kind.WILL_PAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.courtesy.reply.Suggestion.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyReadingTest {

  /** A Thursday. */
  private static final LocalDate RECEIVED = LocalDate.of(2026, 12, 3);

  private static List<Suggestion> read(String text) {
    return ReplyReading.suggestions(text, RECEIVED);
  }

  private static List<Kind> kinds(String text) {
    return read(text).stream().map(Suggestion::kind).toList();
  }

  private static Optional<Suggestion> find(String text, Kind kind) {
    return read(text).stream().filter(s -> s.kind() == kind).findFirst();
  }

  @Test
  void paidLastFridayWithAReferenceGivesThePastFridayAndTheReference() {
    List<Suggestion> suggestions =
        read("Hi,\nwe paid on Friday, ref 88231. Please check your account.\nJane");

    assertThat(suggestions)
        .as("the collector checks the bank for a payment on Friday 27 November with ref 88231")
        .containsExactly(
            new Suggestion(
                ALREADY_PAID,
                LocalDate.of(2026, 11, 27),
                "88231",
                "we paid on Friday, ref 88231."));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "We have already paid this invoice on 1 December. Referenz: AB-123 | 2026-12-01 | AB-123",
        "Payment was made yesterday. | 2026-12-02 |",
        "I transferred the money on 30/11/2026, reference TX-9981. | 2026-11-30 | TX-9981",
        "Invoice 4711 was settled last week. | | 4711",
        "We sent the payment this morning. | |",
        "Wir haben die Rechnung am 1.12. bezahlt. | 2026-12-01 |",
        "Betrag wurde gestern überwiesen, Rechnung Nr. 4711. | 2026-12-02 | 4711",
        "Die Rechnung ist beglichen. | |",
        "Die Zahlung ist raus, Verwendungszweck RE-4711. | | RE-4711",
        "Wir haben die Zahlung am Montag veranlasst. | 2026-11-30 |",
        "J’ai payé la facture hier. | 2026-12-02 |",
        "La facture a été réglée le 2 décembre. | 2026-12-02 |",
        "Nous avons effectué le virement, référence VIR-2026-11. | | VIR-2026-11",
        "Le paiement a été effectué lundi. | 2026-11-30 |",
        "Montant versé le 01/12/2026. | 2026-12-01 |",
        "Paid today. Ref 88231 | 2026-12-03 | 88231",
        "Ya hemos pagado la factura el 1 de diciembre. | 2026-12-01 |",
        "La transferencia fue realizada ayer, referencia TRF-20931. | 2026-12-02 | TRF-20931",
        "Hemos abonado el importe el lunes. | 2026-11-30 |",
        "La factura 4711 ya está pagada. | | 4711",
        "Abbiamo già pagato la fattura il 1° dicembre. | 2026-12-01 |",
        "Il bonifico è stato effettuato ieri, riferimento TRF-20931. | 2026-12-02 | TRF-20931",
        "Ho saldato la fattura lunedì. | 2026-11-30 |",
        "Wij hebben de factuur op 1 december betaald. | 2026-12-01 |",
        "Het bedrag is gisteren overgemaakt, kenmerk TRF-20931. | 2026-12-02 | TRF-20931",
        "De betaling is maandag uitgevoerd. | 2026-11-30 |"
      })
  void recognisesAPaymentAlreadyMade(String text, LocalDate date, String reference) {
    Optional<Suggestion> paid = find(text, ALREADY_PAID);

    assertThat(paid).as("the collector looks for this payment").isPresent();
    assertThat(paid.get().date()).as("payment day to look for").isEqualTo(date);
    assertThat(paid.get().reference()).as("reference to look for").isEqualTo(reference);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We have not paid yet.",
        "We haven't paid because nobody told us the amount.",
        "We haven't been able to pay this month.",
        "The invoice has never been paid by our old accountant.",
        "We will pay on Friday.",
        "It will be paid next week.",
        "It can be paid once the goods arrive.",
        "As soon as we are paid by our customer we will settle it.",
        "Die Rechnung ist noch nicht bezahlt.",
        "Wir haben nicht bezahlt, weil die Ware fehlt.",
        "Die Rechnung wird am Freitag bezahlt.",
        "Die Rechnung muss noch bezahlt werden.",
        "Je n’ai pas encore payé.",
        "Nous n'avons jamais réglé cette facture.",
        "La facture sera réglée vendredi.",
        "Is it paid?? I thought my husband did it… no idea, sorry, he has not paid",
        "Todavía no hemos pagado.",
        "La factura será pagada el viernes.",
        "Non abbiamo ancora pagato.",
        "La fattura sarà pagata venerdì.",
        "We hebben nog niet betaald.",
        "De factuur wordt vrijdag betaald.",
        "De factuur moet nog betaald worden."
      })
  void negatedOrFuturePaymentsAreNotAlreadyPaid(String text) {
    assertThat(kinds(text))
        .as("the collector must not look for a payment that was never made: " + text)
        .doesNotContain(ALREADY_PAID);
  }

  @Test
  void willPayOnFridayMeansTheComingFriday() {
    assertThat(read("Sorry for the delay, we will pay on Friday."))
        .as("the collector waits for a payment on Friday 4 December")
        .containsExactly(
            new Suggestion(
                WILL_PAY,
                LocalDate.of(2026, 12, 4),
                null,
                "Sorry for the delay, we will pay on Friday."));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "We'll pay the invoice by 15 December. | 2026-12-15",
        "We’ll pay next Monday. | 2026-12-07",
        "Payment will be made on 2026-12-18. | 2026-12-18",
        "I can pay on the 18th of December. | 2026-12-18",
        "We will transfer the money tomorrow. | 2026-12-04",
        "We will settle the balance at the end of the month. | 2026-12-31",
        "We received your reminder of 1 December and will pay on Friday. | 2026-12-04",
        "Wir werden die Rechnung am 10.12. überweisen. | 2026-12-10",
        "Wir zahlen am Freitag. | 2026-12-04",
        "Ich werde den Betrag bis Ende des Monats begleichen. | 2026-12-31",
        "Die Zahlung erfolgt am 15. Dezember. | 2026-12-15",
        "Nous paierons le 15 décembre. | 2026-12-15",
        "Nous allons payer vendredi. | 2026-12-04",
        "Nous règlerons la facture demain. | 2026-12-04",
        "Le paiement sera effectué le 10/12/2026. | 2026-12-10",
        "Pagaremos el 15 de diciembre. | 2026-12-15",
        "Vamos a pagar el viernes. | 2026-12-04",
        "Le haremos la transferencia mañana. | 2026-12-04",
        "Podemos pagar a finales de mes. | 2026-12-31",
        "Pagheremo il 15 dicembre. | 2026-12-15",
        "Faremo il bonifico venerdì. | 2026-12-04",
        "Possiamo saldare la fattura entro fine mese. | 2026-12-31",
        "Wij zullen de factuur op 15 december betalen. | 2026-12-15",
        "Ik betaal vrijdag. | 2026-12-04",
        "We maken het bedrag morgen over. | 2026-12-04"
      })
  void recognisesAPromiseToPayOnADate(String text, LocalDate date) {
    assertThat(find(text, WILL_PAY))
        .as("the collector waits for the promised payment")
        .map(Suggestion::date)
        .hasValue(date);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We will pay next week.",
        "We will pay as soon as possible.",
        "Wir werden bald zahlen.",
        "Nous paierons dès que possible.",
        "We will not be able to pay on Friday.",
        "We will pay the invoice of 1 November, which is overdue.",
        "Pagaremos lo antes posible.",
        "No podremos pagar el viernes.",
        "Pagheremo appena possibile.",
        "We betalen zo snel mogelijk.",
        "We kunnen vrijdag niet betalen."
      })
  void aPromiseWithoutAComingDateIsNoPromiseToPay(String text) {
    assertThat(kinds(text))
        .as("the collector has no day to wait for: " + text)
        .doesNotContain(WILL_PAY);
  }

  @Test
  void aWeekdayPromiseCountsFromTheDayTheReplyArrived() {
    LocalDate saturday = LocalDate.of(2026, 12, 5);

    assertThat(ReplyReading.suggestions("We will pay on Friday.", saturday))
        .as("a reply read on Saturday 5 December promises Friday 11 December")
        .extracting(Suggestion::date)
        .containsExactly(LocalDate.of(2026, 12, 11));
    assertThat(ReplyReading.suggestions("We will pay on Thursday.", RECEIVED))
        .as("Thursday written on a Thursday means the Thursday after")
        .extracting(Suggestion::date)
        .containsExactly(LocalDate.of(2026, 12, 10));
  }

  @Test
  void aDayThatHasJustPassedIsNoPromiseForNextYear() {
    assertThat(kinds("We will pay on 2 December.")).doesNotContain(WILL_PAY);
    assertThat(find("We will pay on 2 January.", WILL_PAY))
        .map(Suggestion::date)
        .hasValue(LocalDate.of(2027, 1, 2));
  }

  @Test
  void aQuestionAboutPaymentIsNotAReportOfPayment() {
    assertThat(find("Have you received our payment? We paid on Monday.", ALREADY_PAID))
        .as("the collector looks for Monday's payment, quoted from the statement")
        .map(Suggestion::evidence)
        .hasValue("We paid on Monday.");
    assertThat(kinds("Has invoice 4711 been paid?")).doesNotContain(ALREADY_PAID);
  }

  @Test
  void aGreetingLineDoesNotBecomePartOfTheEvidence() {
    assertThat(find("Hallo,\nwir haben gestern überwiesen.", ALREADY_PAID))
        .map(Suggestion::evidence)
        .hasValue("wir haben gestern überwiesen.");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The price is wrong, we agreed on 400 GBP.",
        "This invoice is incorrect.",
        "We never received the goods.",
        "The parcel was not delivered.",
        "Half of the chairs arrived damaged.",
        "The printer is faulty.",
        "We did not order these items.",
        "We already returned everything, you promised a credit note.",
        "We dispute this charge.",
        "Die Rechnung ist falsch.",
        "Die Rechnung ist leider fehlerhaft.",
        "Wir haben die Ware nie erhalten.",
        "Die Lieferung ist beschädigt angekommen.",
        "Das Gerät ist mangelhaft, siehe unsere Reklamation vom 20.11.",
        "Wir widersprechen der Forderung.",
        "La facture est erronée.",
        "Le montant est incorrect.",
        "Nous n'avons jamais reçu la marchandise.",
        "Colis non livré.",
        "Le produit est arrivé endommagé.",
        "Nous contestons cette facture.",
        "La factura es incorrecta.",
        "No hemos recibido la mercancía.",
        "El producto llegó dañado.",
        "Impugnamos esta factura.",
        "La fattura è sbagliata.",
        "Non abbiamo mai ricevuto la merce.",
        "Il prodotto è arrivato danneggiato.",
        "Contestiamo questa fattura.",
        "De factuur klopt niet.",
        "Wij hebben de goederen nooit ontvangen.",
        "Het pakket kwam beschadigd aan.",
        "Wij betwisten deze factuur."
      })
  void recognisesADispute(String text) {
    assertThat(find(text, DISPUTE))
        .as("the collector puts the case on hold and checks the complaint: " + text)
        .map(Suggestion::evidence)
        .hasValue(text);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "We are going through a difficult time at the moment.",
        "We have cash flow problems since the summer.",
        "I can't afford to pay this now.",
        "I was made redundant in October.",
        "I lost my job and I'm struggling.",
        "My husband is in hospital.",
        "Following a bereavement in the family I could not deal with post.",
        "The company has filed for insolvency.",
        "Wir haben finanzielle Schwierigkeiten.",
        "Wir haben einen finanziellen Engpass.",
        "Ich kann die Rechnung derzeit leider nicht bezahlen.",
        "Ich bin seit Oktober arbeitslos.",
        "Ich war lange krank.",
        "Nous avons des difficultés financières.",
        "Nous avons des problèmes de trésorerie.",
        "Je ne peux pas payer ce mois-ci.",
        "Je suis au chômage.",
        "Mon mari est hospitalisé.",
        "Tenemos dificultades económicas.",
        "Este mes no podemos pagar.",
        "Estoy en paro desde octubre.",
        "Stiamo attraversando un momento difficile.",
        "Abbiamo problemi di liquidità.",
        "Non riesco a pagare questo mese.",
        "Wij hebben financiële problemen.",
        "Ik kan de factuur op dit moment niet betalen.",
        "Mijn man ligt in het ziekenhuis."
      })
  void recognisesHardship(String text) {
    assertThat(find(text, HARDSHIP))
        .as("the collector offers an arrangement instead of chasing: " + text)
        .isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Could you send me a copy of the invoice?",
        "Please resend the invoice.",
        "We didn't receive the invoice.",
        "We need the invoice again for our records.",
        "Bitte schicken Sie uns eine Kopie der Rechnung.",
        "Können Sie die Rechnung erneut senden?",
        "Könnten Sie mir die Rechnung nochmal schicken?",
        "Wir haben die Rechnung nicht erhalten.",
        "Pouvez-vous m'envoyer une copie de la facture ?",
        "Merci de renvoyer la facture.",
        "Je n'ai pas reçu la facture.",
        "¿Podrían enviarme una copia de la factura?",
        "No hemos recibido la factura.",
        "Potete inviarmi una copia della fattura?",
        "Non abbiamo ricevuto la fattura.",
        "Kunt u mij een kopie van de factuur sturen?",
        "Wij hebben de factuur niet ontvangen."
      })
  void recognisesARequestForTheInvoice(String text) {
    assertThat(kinds(text))
        .as("the collector resends the invoice, and it is not a dispute: " + text)
        .contains(INVOICE_COPY)
        .doesNotContain(DISPUTE);
  }

  @Test
  void notReceivingTheGoodsIsADisputeNotAnInvoiceRequest() {
    assertThat(kinds("We didn't receive the goods.")).containsExactly(DISPUTE);
    assertThat(kinds("We didn't receive the invoice.")).containsExactly(INVOICE_COPY);
    assertThat(kinds("Wir haben die Ware nicht erhalten.")).containsExactly(DISPUTE);
    assertThat(kinds("Wir haben die Rechnung nicht erhalten.")).containsExactly(INVOICE_COPY);
    assertThat(kinds("No hemos recibido el pedido.")).containsExactly(DISPUTE);
    assertThat(kinds("No hemos recibido la factura.")).containsExactly(INVOICE_COPY);
    assertThat(kinds("Non abbiamo ricevuto la merce.")).containsExactly(DISPUTE);
    assertThat(kinds("Non abbiamo ricevuto la fattura.")).containsExactly(INVOICE_COPY);
    assertThat(kinds("Wij hebben de bestelling niet ontvangen.")).containsExactly(DISPUTE);
    assertThat(kinds("Wij hebben de factuur niet ontvangen.")).containsExactly(INVOICE_COPY);
  }

  @Test
  void severalThingsInOneReplyComeInKindOrderWithOneEachAndTheirOwnSentences() {
    String text =
        "I lost my job in October. The invoice is wrong anyway, the price was 40 not 400.\n"
            + "Please send me a copy of the invoice. I can pay the correct amount on 18 December."
            + " I paid the first invoice last week, ref 5521. Also the second invoice is wrong.";

    List<Suggestion> suggestions = read(text);

    assertThat(suggestions)
        .extracting(Suggestion::kind)
        .containsExactly(ALREADY_PAID, WILL_PAY, DISPUTE, HARDSHIP, INVOICE_COPY);
    assertThat(suggestions)
        .extracting(Suggestion::evidence)
        .containsExactly(
            "I paid the first invoice last week, ref 5521.",
            "I can pay the correct amount on 18 December.",
            "The invoice is wrong anyway, the price was 40 not 400.",
            "I lost my job in October.",
            "Please send me a copy of the invoice.");
    assertThat(suggestions.get(0).reference()).isEqualTo("5521");
    assertThat(suggestions.get(1).date()).isEqualTo(LocalDate.of(2026, 12, 18));
  }

  @Test
  void evidenceIsOneSentenceAndNeverLongerThan200Characters() {
    String longSentence =
        "We paid "
            + "the invoice and the other invoice and the one before that ".repeat(10)
            + "yesterday.";

    Suggestion paid = find(longSentence, ALREADY_PAID).orElseThrow();

    assertThat(paid.evidence()).hasSizeLessThanOrEqualTo(200).startsWith("We paid").endsWith("…");
  }

  @Test
  void datesInSentencesAreNotSplit() {
    assertThat(find("Wir haben am 3. Dezember bezahlt. Danke.", ALREADY_PAID))
        .map(Suggestion::evidence)
        .hasValue("Wir haben am 3. Dezember bezahlt.");
    assertThat(find("Wir zahlen am 10.12. Danke.", WILL_PAY))
        .map(Suggestion::date)
        .hasValue(LocalDate.of(2026, 12, 10));
  }

  @Test
  void aSentenceWrappedByTheMailProgramIsReadAsOne() {
    assertThat(find("we have paid the invoice\nyesterday, thanks", ALREADY_PAID))
        .map(Suggestion::date)
        .hasValue(LocalDate.of(2026, 12, 2));
  }

  @Test
  void timesAndAmountsAreNotPaymentDates() {
    Suggestion paid =
        find("We have transferred 1.234,56 EUR at 10:02, thanks.", ALREADY_PAID).orElseThrow();

    assertThat(paid.date()).as("no day was named").isNull();
  }

  @Test
  void capitalsAccentsAndCurlyApostrophesDoNotMatter() {
    assertThat(kinds("WE’VE ALREADY PAID")).containsExactly(ALREADY_PAID);
    assertThat(kinds("Nous avons regle la facture")).containsExactly(ALREADY_PAID);
    assertThat(kinds("Die Rechnung wurde UEBERWIESEN")).isEmpty();
    assertThat(kinds("Die Rechnung wurde ÜBERWIESEN")).containsExactly(ALREADY_PAID);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Thank you for the reminder.",
        "I returned your call yesterday.",
        "The payment link in your email is not working.",
        "Jane Doe\nAccounts Payable\nSt Mary's Hospital",
        "Hans Müller\nBuchhaltung Krankenhaus Nord",
        "We struggled to find the invoice number.",
        "This reminder is redundant, see our earlier email.",
        "We are back from holiday on Monday.",
        "Who is this?",
        "Bitte rufen Sie mich an.",
        "Merci, bonne journée.",
        "Have a nice Friday!",
        "Gracias por el recordatorio.",
        "Por favor, llámeme mañana.",
        "Grazie per il promemoria, buona giornata.",
        "Dank u wel voor de herinnering.",
        "Wilt u mij morgen bellen?"
      })
  void ordinaryRepliesSuggestNothing(String text) {
    assertThat(read(text)).as(text).isEmpty();
  }

  @Test
  void emptyRepliesSuggestNothingButTheReceivedDayIsRequired() {
    assertThat(read(null)).isEmpty();
    assertThat(read("  \n ")).isEmpty();
    assertThatThrownBy(() -> ReplyReading.suggestions("paid", null))
        .isInstanceOf(NullPointerException.class);
  }
}
