package app.courtesy.web;

import app.courtesy.customer.Channel;
import app.courtesy.invoice.InvoiceStatus;
import app.courtesy.outbox.MessageStatus;
import app.courtesy.reply.ReplyState;
import app.courtesy.reply.ReplySuggestion;
import app.courtesy.shared.Money;
import app.courtesy.web.dashboard.FigureTable;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Formats money and dates for the reader's locale: {@code #{formats.money(m)}}, {@code
 * #{formats.date(d)}}. Money always shows its currency; lists of amounts are never summed across
 * currencies.
 */
@Named
@RequestScoped
public class Formats {

  @Inject private FacesContext faces;

  public String money(Money money) {
    return money.format(locale());
  }

  /** A channel in words: Email, SMS, Letter, Phone, Visit, Note. */
  public String channel(Channel channel) {
    return channelInWords(channel);
  }

  /** A channel in words, as pages show it and exports write it. */
  public static String channelInWords(Channel channel) {
    return switch (channel) {
      case EMAIL -> "Email";
      case SMS -> "SMS";
      case LETTER -> "Letter";
      case PHONE -> "Phone";
      case VISIT -> "Visit";
      case NOTE -> "Note";
      case SELF_SERVICE -> "Self-service";
    };
  }

  /** Where a message is, in words. */
  public String messageStatus(MessageStatus status) {
    return messageStatusInWords(status);
  }

  /** Where a message is, in words, as pages show it and exports write it. */
  public static String messageStatusInWords(MessageStatus status) {
    return switch (status) {
      case QUEUED -> "Waiting";
      case SENDING -> "Sending";
      case SENT -> "Sent";
      case SUPPRESSED -> "Not sent";
      case FAILED -> "Failed";
      case UNCONFIRMED -> "Unconfirmed: check with the customer";
    };
  }

  /** Where a customer's reply stands, in words. */
  public String replyState(ReplyState state) {
    return switch (state) {
      case UNMATCHED -> "Not matched";
      case TO_ANSWER -> "To answer";
      case HANDLED -> "Handled";
      case ANSWERED -> "Answered";
      case AUTOMATIC -> "Automatic reply";
      case DISCARDED -> "Discarded";
    };
  }

  /** What a reply's words suggest, in words: "Promise to pay on 12 Dec 2026". */
  public String suggestion(ReplySuggestion suggestion) {
    String on = suggestion.getOnDate().map(d -> " on " + date(d)).orElse("");
    return switch (suggestion.getKind()) {
      case ALREADY_PAID ->
          "Says they paid"
              + on
              + suggestion.getReference().map(r -> " (reference " + r + ")").orElse("");
      case WILL_PAY -> "Promises to pay" + on;
      case DISPUTE -> "Disputes an invoice";
      case HARDSHIP -> "Mentions hardship";
      case INVOICE_COPY -> "Asks for a copy of the invoice";
    };
  }

  /** The action that takes up what a reply suggests. */
  public String suggestionAction(ReplySuggestion suggestion) {
    return switch (suggestion.getKind()) {
      case ALREADY_PAID -> "Wait for the payment";
      case WILL_PAY -> "Record the promise";
      case DISPUTE -> "Open a dispute";
      case HARDSHIP -> "Record hardship";
      case INVOICE_COPY -> "Send the invoice copies";
    };
  }

  public String moneyList(List<Money> amounts) {
    return amounts.stream().map(this::money).collect(Collectors.joining(" · "));
  }

  /** An invoice's status in words. */
  public String status(InvoiceStatus status) {
    return statusInWords(status);
  }

  /** An invoice's status in words, as the list shows it and its export writes it. */
  public static String statusInWords(InvoiceStatus status) {
    return switch (status) {
      case OPEN -> "Open";
      case PARTIALLY_PAID -> "Partly paid";
      case PAID -> "Paid";
      case DISPUTED -> "Disputed";
      case WRITTEN_OFF -> "Written off";
      case CANCELLED -> "Cancelled";
    };
  }

  /** A file's size as people read it: 930 bytes, 12 KB, 1.4 MB. */
  public String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < 1024 * 1024) {
      return Math.round(bytes / 1024.0) + " KB";
    }
    return String.format(locale(), "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  /** A figure in per cent with one decimal, "62.5 %", or the undefined mark. */
  public String percent(Optional<BigDecimal> figure) {
    return figure.map(f -> decimal(f) + " %").orElse(FigureTable.UNDEFINED);
  }

  /** A figure in days with one decimal, "41.3", or the undefined mark. */
  public String days(Optional<BigDecimal> figure) {
    return figure.map(this::decimal).orElse(FigureTable.UNDEFINED);
  }

  private String decimal(BigDecimal figure) {
    NumberFormat format = NumberFormat.getNumberInstance(locale());
    format.setMinimumFractionDigits(1);
    format.setMaximumFractionDigits(1);
    return format.format(figure);
  }

  public String date(LocalDate date) {
    return format(date, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
  }

  public String time(TemporalAccessor time) {
    return format(time, DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT));
  }

  public String dateTime(TemporalAccessor dateTime) {
    return format(dateTime, DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM));
  }

  private String format(TemporalAccessor value, DateTimeFormatter formatter) {
    return value == null ? "" : formatter.withLocale(locale()).format(value);
  }

  private Locale locale() {
    return faces.getViewRoot() == null ? Locale.getDefault() : faces.getViewRoot().getLocale();
  }
}
