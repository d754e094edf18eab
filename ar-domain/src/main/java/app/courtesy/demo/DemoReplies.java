package app.courtesy.demo;

/** What the demo customers write back, in English, German or French. */
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
      default -> "I am out of the office and back on " + date + ".";
    };
  }
}
