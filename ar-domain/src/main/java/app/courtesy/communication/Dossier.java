package app.courtesy.communication;

import app.courtesy.charge.ChargeView;
import app.courtesy.communication.CommunicationLog.Logged;
import app.courtesy.invoice.InvoiceListing;
import app.courtesy.shared.CsvField;
import app.courtesy.shared.TextPages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One customer's file as evidence: who the customer is, every invoice, every late-payment charge,
 * every entry of the communication log in order, and whether the log's chain still holds, as it
 * stood when exported. The same content is written as a PDF to read and print and as CSV to
 * process.
 *
 * @param invoices every invoice of the customer, in the order issued
 * @param charges every charge document of the customer (fees, interest, compensation, credits),
 *     newest first, with what settled or waived it
 * @param entries every log entry, oldest first
 * @param firstBroken the first entry that no longer matches its hash; null while the log is intact
 * @param exportedAt when the dossier was read from the database
 */
public record Dossier(
    String customerNumber,
    String customerName,
    String country,
    ZoneId timeZone,
    List<InvoiceListing.Row> invoices,
    List<ChargeView> charges,
    List<Logged> entries,
    Integer firstBroken,
    Instant exportedAt) {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);

  /** A file name for the dossier, from the customer number and the extension. */
  public String fileName(String extension) {
    return "dossier-" + customerNumber.replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
  }

  /** The closing line: whether every entry still matches its hash, as checked at export. */
  public String verificationResult() {
    return firstBroken == null
        ? "Chain verified "
            + exportedAt
            + ": intact, all "
            + entries.size()
            + " entries match their hashes."
        : "Chain verified "
            + exportedAt
            + ": broken, entry "
            + firstBroken
            + " no longer matches its hash.";
  }

  /** The dossier as an A4 PDF: the customer, the invoices, the log entries, the closing line. */
  public byte[] pdf() {
    List<String> text = new ArrayList<>();
    text.add("Dossier of customer " + customerNumber + ": " + customerName);
    text.add("Country " + country + ", time zone " + timeZone.getId());
    text.add("Exported " + exportedAt);
    text.add("");
    text.add("Invoices (" + invoices.size() + ")");
    for (InvoiceListing.Row invoice : invoices) {
      text.add(
          invoice.number()
              + "  "
              + status(invoice)
              + "  issued "
              + invoice.issueDate()
              + "  due "
              + invoice.dueDate()
              + "  "
              + invoice.amount()
              + ", open "
              + invoice.open());
    }
    text.add("");
    text.add("Late-payment charges (" + charges.size() + ")");
    for (ChargeView charge : charges) {
      text.add(
          charge.number()
              + "  "
              + status(charge)
              + "  of "
              + charge.date()
              + "  "
              + charge.total()
              + ", open "
              + charge.open());
      for (ChargeView.Line line : charge.lines()) {
        text.add(
            "    "
                + line.label()
                + (line.invoice() == null ? "" : " · " + line.invoice())
                + "  "
                + line.amount());
      }
      for (ChargeView.Settlement settlement : charge.settlements()) {
        text.add("    " + charge.settledBy(settlement));
      }
      if (charge.waiver() != null) {
        text.add(
            "    waived "
                + charge.waiver().amount()
                + " by "
                + charge.waiver().by()
                + ": "
                + charge.waiver().reason());
      }
    }
    text.add("");
    text.add("Communication log (" + entries.size() + " entries, oldest first)");
    for (Logged logged : entries) {
      Entry entry = logged.entry();
      text.add("");
      text.add("#" + logged.seq() + "  " + utc(logged) + " UTC  (" + local(logged) + " local)");
      text.add(
          entry.channel()
              + " "
              + direction(entry)
              + " by "
              + entry.actor()
              + (entry.recipient() == null ? "" : " to " + entry.recipient())
              + ": "
              + entry.outcome());
      if (entry.subject() != null) {
        text.add("Subject: " + entry.subject());
      }
      if (entry.body() != null) {
        text.add(entry.body());
      }
      if (entry.detail() != null) {
        text.add("Detail: " + entry.detail());
      }
      text.add("Hash: " + logged.hash());
    }
    text.add("");
    text.add(verificationResult());
    List<String> lines = text.stream().flatMap(line -> TextPages.wrap(line).stream()).toList();
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      TextPages.write(lines, pdf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pdf.toByteArray();
  }

  /**
   * The dossier as CSV in UTF-8 (RFC 4180: CRLF line ends, fields with commas, quotes or line
   * breaks quoted, every record with the same number of fields; text a spreadsheet would take for a
   * formula starts with a single quote, see {@link CsvField}). The first field says what a record
   * is; each kind follows a header record whose first field is {@code record}:
   *
   * <pre>
   * record,number,name,country,time_zone
   * customer,C-1,Weber &amp; Söhne AG,CH,Europe/Zurich
   * record,number,issue_date,due_date,amount,open_amount,currency,status
   * invoice,…
   * record,number,date,total,open_amount,currency,status,settled_by,waived,waived_by,waived_reason
   * charge,…
   * record,seq,occurred_at_utc,occurred_at_local,channel,direction,actor,recipient,subject,body,…
   * entry,…
   * record,result,first_broken_seq,entries,verified_at,statement
   * verification,intact,,12,2026-…Z,Chain verified …: intact, all 12 entries match their hashes.
   * </pre>
   */
  public byte[] csv() {
    List<List<String>> records = new ArrayList<>();
    records.add(List.of("record", "number", "name", "country", "time_zone"));
    records.add(List.of("customer", customerNumber, customerName, country, timeZone.getId()));
    records.add(
        List.of(
            "record",
            "number",
            "issue_date",
            "due_date",
            "amount",
            "open_amount",
            "currency",
            "status"));
    for (InvoiceListing.Row invoice : invoices) {
      records.add(
          List.of(
              "invoice",
              invoice.number(),
              invoice.issueDate().toString(),
              invoice.dueDate().toString(),
              invoice.amount().amount().toPlainString(),
              invoice.open().amount().toPlainString(),
              invoice.amount().currency().getCurrencyCode(),
              invoice.status().name()));
    }
    records.add(
        List.of(
            "record",
            "number",
            "date",
            "total",
            "open_amount",
            "currency",
            "status",
            "settled_by",
            "waived",
            "waived_by",
            "waived_reason"));
    for (ChargeView charge : charges) {
      ChargeView.Waiver waiver = charge.waiver();
      records.add(
          List.of(
              "charge",
              charge.number(),
              charge.date().toString(),
              charge.total().amount().toPlainString(),
              charge.open().amount().toPlainString(),
              charge.currency(),
              charge.status().name(),
              charge.settlements().stream()
                  .map(charge::settledBy)
                  .collect(Collectors.joining("; ")),
              waiver == null ? "" : waiver.amount().amount().toPlainString(),
              waiver == null ? "" : Objects.toString(waiver.by(), ""),
              waiver == null ? "" : Objects.toString(waiver.reason(), "")));
    }
    records.add(
        List.of(
            "record",
            "seq",
            "occurred_at_utc",
            "occurred_at_local",
            "channel",
            "direction",
            "actor",
            "recipient",
            "subject",
            "body",
            "outcome",
            "detail",
            "hash"));
    for (Logged logged : entries) {
      Entry entry = logged.entry();
      records.add(
          Stream.of(
                  "entry",
                  Integer.toString(logged.seq()),
                  utc(logged),
                  local(logged),
                  entry.channel().name(),
                  direction(entry),
                  entry.actor(),
                  entry.recipient(),
                  entry.subject(),
                  entry.body(),
                  entry.outcome().name(),
                  entry.detail(),
                  logged.hash())
              .map(field -> Objects.toString(field, ""))
              .toList());
    }
    records.add(
        List.of("record", "result", "first_broken_seq", "entries", "verified_at", "statement"));
    records.add(
        List.of(
            "verification",
            firstBroken == null ? "intact" : "broken",
            firstBroken == null ? "" : firstBroken.toString(),
            Integer.toString(entries.size()),
            exportedAt.toString(),
            verificationResult()));
    int width = records.stream().mapToInt(List::size).max().orElse(0);
    return records.stream()
        .map(record -> csvRecord(record, width))
        .collect(Collectors.joining())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String csvRecord(List<String> fields, int width) {
    StringBuilder record = new StringBuilder();
    for (int i = 0; i < width; i++) {
      if (i > 0) {
        record.append(',');
      }
      if (i < fields.size()) {
        record.append(CsvField.of(fields.get(i)));
      }
    }
    return record.append("\r\n").toString();
  }

  private static String utc(Logged logged) {
    return logged.entry().occurredAt().toString();
  }

  private String local(Logged logged) {
    return LOCAL.format(logged.entry().occurredAt().atZone(timeZone));
  }

  private static String direction(Entry entry) {
    return entry.outbound() ? "OUT" : "IN";
  }

  private static String status(ChargeView charge) {
    return (charge.credit() ? "credit " : "") + charge.status().name().toLowerCase(Locale.ROOT);
  }

  private static String status(InvoiceListing.Row invoice) {
    return invoice.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
