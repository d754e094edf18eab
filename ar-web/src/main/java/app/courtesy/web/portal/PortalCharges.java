package app.courtesy.web.portal;

import app.courtesy.charge.ChargeKind;
import app.courtesy.charge.ChargeStatus;
import app.courtesy.charge.ChargeView;
import app.courtesy.charge.InterestBasis;
import app.courtesy.shared.Money;
import app.courtesy.shared.TextPages;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The customer's open late-payment charges on their page and statement, in their language ({@code
 * PortalCharges*.properties}): each open document with its lines worked out in words ("Interest on
 * invoice INV-1, 3 Mar – 21 Mar: 19 days on €10,000.00 at 10.15 % a year") and what is open.
 */
public final class PortalCharges {

  /** A line of the page's table. */
  public record Row(String document, String what, String amount, boolean first) {}

  private final PortalText text;
  private final ResourceBundle bundle;
  private final List<ChargeView> open;
  private final List<Money> totals;
  private final InterestBasis basis;

  PortalCharges(
      PortalText text, List<ChargeView> documents, List<Money> totals, InterestBasis basis) {
    this.text = text;
    this.bundle =
        ResourceBundle.getBundle(
            "app.courtesy.web.portal.PortalCharges",
            Locale.forLanguageTag(text.getLang()),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.open =
        documents.stream()
            .filter(d -> d.status() == ChargeStatus.OPEN && d.open().isPositive())
            .toList();
    this.totals = totals.stream().filter(Money::isPositive).toList();
    this.basis = basis == null ? InterestBasis.NONE : basis;
  }

  /** Whether anything is open: the page shows the section only then. */
  public boolean isAny() {
    return !open.isEmpty();
  }

  public String get(String key) {
    return bundle.getString(key);
  }

  public String getIntro() {
    return format("intro", get("law." + basis.name()));
  }

  public List<String> getTotals() {
    return totals.stream().map(text::money).toList();
  }

  /** Every line of every open document, the document named on its first. */
  public List<Row> getRows() {
    List<Row> rows = new ArrayList<>();
    for (ChargeView document : open) {
      boolean first = true;
      String name =
          format("document.of", document.number(), text.date(document.date()))
              + (document.open().equals(document.total())
                  ? ""
                  : " (" + format("document.open", text.money(document.open())) + ")");
      for (ChargeView.Line line : document.lines()) {
        rows.add(new Row(first ? name : "", describe(line), text.money(line.amount()), first));
        first = false;
      }
    }
    return rows;
  }

  /** The statement's lines: each open document, its lines, and the total open. */
  List<String> statementLines() {
    List<String> lines = new ArrayList<>();
    if (open.isEmpty()) {
      return lines;
    }
    lines.add("");
    lines.add(get("pdf.title"));
    lines.add("");
    for (ChargeView document : open) {
      lines.add(
          format("document.of", document.number(), text.date(document.date()))
              + "   "
              + format("document.open", text.money(document.open())));
      for (ChargeView.Line line : document.lines()) {
        for (String wrapped :
            TextPages.wrap("  - " + describe(line) + ": " + text.money(line.amount()))) {
          lines.add(wrapped);
        }
      }
    }
    lines.add("");
    for (String total : getTotals()) {
      lines.add(format("pdf.total", total));
    }
    return lines;
  }

  private String describe(ChargeView.Line line) {
    ChargeKind kind = line.kind();
    return switch (kind) {
      case INTEREST ->
          format(
              "line.INTEREST",
              line.invoice(),
              text.date(line.from()),
              text.date(line.to()),
              line.days(),
              line.base() == null ? "" : text.money(line.base()),
              percent(line.rate()));
      case CORRECTION ->
          format("line.CORRECTION", line.invoice(), text.date(line.from()), text.date(line.to()));
      case COMPENSATION -> format("line.COMPENSATION", line.invoice());
      case FEE -> format("line.FEE", line.step() == null ? "" : line.step());
    };
  }

  private String percent(BigDecimal rate) {
    if (rate == null) {
      return "";
    }
    NumberFormat format = NumberFormat.getNumberInstance(Locale.forLanguageTag(text.getLang()));
    format.setMinimumFractionDigits(2);
    format.setMaximumFractionDigits(4);
    return format.format(rate);
  }

  private String format(String key, Object... arguments) {
    String value = get(key);
    for (int i = 0; i < arguments.length; i++) {
      value = value.replace("{" + i + "}", String.valueOf(arguments[i]));
    }
    return value;
  }
}
