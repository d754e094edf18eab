package app.courtesy.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import app.courtesy.customer.Channel;
import app.courtesy.dispatch.Outgoing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A letter is a PDF in the pickup folder with the address, the subject and the whole text. */
class LetterCourierTest {

  @TempDir Path pickup;

  @Test
  void writesAPrintableLetterWithEveryLineOfTheReminder() throws Exception {
    String text =
        "Madame Dubois,\n\nMerci pour votre confiance. La facture INV-2041 de 1\u202f250,00 € est"
            + " échue depuis le 3 mars.\n".repeat(40)
            + "\nCordialement,\nSam Meyer";
    Outgoing letter =
        new Outgoing(
            77,
            5,
            6,
            Channel.LETTER,
            "Claire Dubois",
            "Atelier Lumière SARL",
            "Rappel amical",
            text,
            null,
            null,
            null,
            null,
            null,
            "reminders");

    new LetterCourier(pickup).deliver(letter, new HandOvers());

    try (Stream<Path> files = Files.list(pickup.resolve("letters"))) {
      Path pdf = files.findFirst().orElseThrow();
      try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
        String printed = new PDFTextStripper().getText(document);
        assertThat(document.getNumberOfPages()).isGreaterThan(1);
        assertThat(printed)
            .contains("Claire Dubois", "Atelier Lumière SARL", "Rappel amical", "1 250,00 €")
            .contains("Sam Meyer");
      }
    }
  }
}
