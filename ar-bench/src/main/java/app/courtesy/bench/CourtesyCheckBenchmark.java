package app.courtesy.bench;

import app.courtesy.reminder.courtesy.CourtesyCheck;
import app.courtesy.reminder.courtesy.CourtesyReport;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;

/**
 * How long the courtesy check takes, by the kind and size of the text: prose, digits and spaces,
 * one long token and HTML, each at 2 KB, 20 KB and 1 MB (1,000,000 characters, just under {@link
 * CourtesyCheck#MAX_LENGTH}), and a text over the limit, which is refused rather than read. Prints
 * the median of several runs after a warm-up, and the time per kilobyte, which stays flat when the
 * cost grows linearly with the text. Run by {@code ./courtesy check-benchmark}; needs no server.
 */
public final class CourtesyCheckBenchmark {

  private static final int[] SIZES = {2_000, 20_000, 1_000_000};
  private static final CourtesyCheck CHECK = new CourtesyCheck();

  /** One kind of input: how to make a text of a given length, and whether it is HTML. */
  private record Kind(String name, boolean html, Function<Integer, String> text) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind("prose", false, CourtesyCheckBenchmark::prose),
          new Kind("digits and spaces", false, CourtesyCheckBenchmark::digits),
          new Kind("one long token", false, CourtesyCheckBenchmark::token),
          new Kind("HTML", true, CourtesyCheckBenchmark::html));

  private CourtesyCheckBenchmark() {}

  public static void main(String[] args) {
    System.out.println("Courtesy check: time per message (median), by kind and size");
    System.out.printf("%-20s %10s %12s %12s %14s%n", "Input", "Size", "Time", "Per KB", "Findings");
    for (Kind kind : KINDS) {
      for (int size : SIZES) {
        String text = kind.text().apply(size);
        int runs = size > 100_000 ? 7 : 101;
        double[] millis = new double[runs];
        CourtesyReport report = null;
        for (int warmUp = 0; warmUp < (size > 100_000 ? 3 : 200); warmUp++) {
          report = check(kind, text);
        }
        for (int run = 0; run < runs; run++) {
          long start = System.nanoTime();
          report = check(kind, text);
          millis[run] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        double median = millis[runs / 2];
        System.out.printf(
            "%-20s %10s %9.2f ms %9.3f ms %14d%n",
            kind.name(),
            String.format("%,d", text.length()),
            median,
            median / (text.length() / 1000.0),
            report.findings().size());
      }
    }
    String tooLong = prose(CourtesyCheck.MAX_LENGTH + 1);
    long start = System.nanoTime();
    CourtesyReport refused = CHECK.check(Locale.ENGLISH, tooLong);
    System.out.printf(
        "%-20s %10s %9.2f ms  refused: %s%n",
        "over the limit",
        String.format("%,d", tooLong.length()),
        (System.nanoTime() - start) / 1e6,
        refused.findings().get(0).why());
  }

  private static CourtesyReport check(Kind kind, String text) {
    return kind.html() ? CHECK.checkHtml(Locale.ENGLISH, text) : CHECK.check(Locale.ENGLISH, text);
  }

  private static final String[] SENTENCES = {
    "Thank you for working with Northwind Studio this year.",
    "Invoice 2027-0142 for €1,250.00 was due on 15 March 2027 and is still open.",
    "If a payment plan or a few more weeks would help, just reply and we will arrange it.",
    "We know things can be busy at the end of the quarter.",
    "You can reach us at ar@example.com or on +49 30 1234567.",
    "If the payment is already on its way, please disregard this note.",
    "Our office is at 12 Court Street, Leeds, and the VAT number is on the invoice.",
    "We will never pass an account to an agency without talking to you first."
  };

  private static String prose(int length) {
    StringBuilder text = new StringBuilder("Dear Ms Keller,\n\n");
    for (int i = 0; text.length() < length; i++) {
      text.append(SENTENCES[i % SENTENCES.length]).append(i % 5 == 4 ? "\n\n" : " ");
    }
    return text.substring(0, length);
  }

  private static String digits(int length) {
    Random random = new Random(42);
    StringBuilder text = new StringBuilder();
    while (text.length() < length) {
      text.append((char) ('0' + random.nextInt(10)));
      if (random.nextInt(6) == 0) {
        text.append(' ');
      }
    }
    return text.substring(0, length);
  }

  private static String token(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; text.length() < length; i++) {
      text.append((char) ('a' + i % 26));
    }
    return text.toString();
  }

  private static String html(int length) {
    StringBuilder text = new StringBuilder("<html><body><p>Dear Ms Keller,</p>\n");
    for (int i = 0; text.length() < length - 20; i++) {
      text.append("<p>")
          .append(SENTENCES[i % SENTENCES.length].replace("€", "&euro;"))
          .append(" <b>Thank</b> you &amp; <span></span>regards.</p>\n");
    }
    text.append("</body></html>");
    return text.toString();
  }
}
