package app.courtesy.demo;

/** What the demo customers write back, in each language the demo book's customers read. */
final class DemoReplies {

  private DemoReplies() {}

  /** A promise to pay on {@code date} (ISO, as people in every market read it). */
  static String promise(String language, String date) {
    return switch (language) {
      case "de" ->
          "Guten Tag,\n\nvielen Dank für die Erinnerung. Wir werden am "
              + date
              + " überweisen.\n\nFreundliche Grüße";
      case "fr" ->
          "Bonjour,\n\nmerci pour le rappel. Nous paierons le " + date + ".\n\nCordialement";
      case "es" ->
          "Buenos días:\n\ngracias por el recordatorio y disculpen el retraso. Pagaremos el "
              + date
              + ".\n\nUn saludo";
      case "it" ->
          "Buongiorno,\n\ngrazie per il promemoria e scusate il ritardo. Pagheremo il "
              + date
              + ".\n\nCordiali saluti";
      case "nl" ->
          "Goedendag,\n\nDank u voor de herinnering, en excuses voor de vertraging. Wij betalen op "
              + date
              + ".\n\nMet vriendelijke groet";
      default ->
          "Hello,\n\nthank you for the reminder, and sorry for the delay. We will pay on "
              + date
              + ".\n\nKind regards";
    };
  }

  /** "We paid on {@code date}", with a transfer reference. */
  static String paid(String language, String date) {
    return switch (language) {
      case "de" ->
          "Guten Tag,\n\nwir haben die Rechnung am "
              + date
              + " bereits überwiesen, Referenz TRF-20931.\n\nFreundliche Grüße";
      case "fr" ->
          "Bonjour,\n\nnous avons déjà payé la facture le "
              + date
              + ", référence TRF-20931.\n\nCordialement";
      case "es" ->
          "Buenos días:\n\nya hemos pagado la factura por transferencia el "
              + date
              + ", referencia TRF-20931.\n\nUn saludo";
      case "it" ->
          "Buongiorno,\n\nabbiamo già pagato la fattura con bonifico il "
              + date
              + ", riferimento TRF-20931.\n\nCordiali saluti";
      case "nl" ->
          "Goedendag,\n\nWij hebben de factuur op "
              + date
              + " al betaald, kenmerk TRF-20931.\n\nMet vriendelijke groet";
      default ->
          "Hello,\n\nwe already paid this invoice on "
              + date
              + ", reference TRF-20931.\n\nKind regards";
    };
  }

  /** An out-of-office: back on {@code date}. */
  static String away(String language, String date) {
    return switch (language) {
      case "de" -> "Ich bin nicht im Büro und ab dem " + date + " wieder erreichbar.";
      case "fr" -> "Je suis absent du bureau et serai de retour le " + date + ".";
      case "es" -> "Estoy fuera de la oficina y estaré de vuelta el " + date + ".";
      case "it" -> "Sono fuori ufficio e rientrerò il " + date + ".";
      case "nl" -> "Ik ben afwezig en vanaf " + date + " weer op kantoor.";
      default -> "I am out of the office and back on " + date + ".";
    };
  }
}
