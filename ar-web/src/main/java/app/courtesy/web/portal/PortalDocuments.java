package app.courtesy.web.portal;

import app.courtesy.invoice.CreditItem;
import app.courtesy.reminder.ReminderModel;
import app.courtesy.selfservice.SelfService;
import app.courtesy.shared.Money;
import app.courtesy.shared.TextPages;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer's invoice copies and statement of account as printable lines (laid out by {@link
 * TextPages}), in their language: Courtesy writes its own copy when the ERP sent no document.
 */
final class PortalDocuments {

  private final PortalText text;
  private final PortalSettings settings;
  private final ReminderModel.Sender sender;

  PortalDocuments(PortalText text, PortalSettings settings, ReminderModel.Sender sender) {
    this.text = text;
    this.settings = settings;
    this.sender = sender;
  }

  List<String> invoice(SelfService.Page page, SelfService.OpenInvoice invoice) {
    List<String> lines = header(page, text.format("pdf.invoice.title", invoice.number()));
    lines.add(text.format("pdf.invoice.issued", text.date(invoice.issued())));
    lines.add(text.format("pdf.invoice.due", text.date(invoice.due())));
    lines.add(text.format("pdf.invoice.amount", text.money(invoice.amount())));
    lines.add(text.format("pdf.invoice.open", text.money(invoice.open())));
    lines.add("");
    lines.addAll(TextPages.wrap(text.get("pdf.invoice.copy")));
    footer(lines, page);
    return lines;
  }

  List<String> statement(SelfService.Page page) {
    return statement(page, List.of());
  }

  /** The statement, with {@code more} (the late-payment charges open) after the invoices. */
  List<String> statement(SelfService.Page page, List<String> more) {
    List<String> lines = header(page, text.format("pdf.statement.title", text.date(page.today())));
    if (page.invoices().isEmpty()) {
      lines.addAll(TextPages.wrap(text.get("pdf.statement.none")));
    }
    for (SelfService.OpenInvoice invoice : page.invoices()) {
      lines.add(
          text.format(
              "pdf.statement.line",
              invoice.number(),
              text.date(invoice.due()),
              text.money(invoice.amount()),
              text.money(invoice.open())));
    }
    lines.add("");
    for (var total : page.totals()) {
      lines.add(text.format("pdf.statement.total", text.money(total)));
    }
    if (!page.credits().isEmpty()) {
      lines.add("");
      lines.add(text.get("credit.heading"));
      lines.addAll(creditLines(page, text));
      for (Money credit : creditTotals(page)) {
        lines.add(text.format("credit.total", text.money(credit)));
      }
    }
    lines.addAll(more);
    footer(lines, page);
    return lines;
  }

  /** The unapplied credit, one line per payment, credit note or refund. */
  static List<String> creditLines(SelfService.Page page, PortalText text) {
    return page.credits().stream()
        .map(
            c ->
                text.format(
                    "credit.line",
                    text.date(c.date()),
                    text.get("credit.kind." + c.kind()),
                    c.reference() == null ? "" : c.reference(),
                    text.money(c.amount())))
        .toList();
  }

  /**
   * The credit in the customer's favour per currency, positive; currencies netting to zero left
   * out.
   */
  static List<Money> creditTotals(SelfService.Page page) {
    Map<Currency, Money> totals = new LinkedHashMap<>();
    for (CreditItem c : page.credits()) {
      totals.merge(c.amount().currency(), c.amount(), Money::plus);
    }
    return totals.values().stream()
        .filter(m -> m.amount().signum() != 0)
        .map(m -> Money.zero(m.currency()).minus(m))
        .toList();
  }

  private List<String> header(SelfService.Page page, String title) {
    List<String> lines = new ArrayList<>();
    lines.add(sender.company());
    lines.add("");
    lines.add(page.customer().getName() + " (" + page.customer().getNumber() + ")");
    lines.add("");
    lines.add(title);
    lines.add("");
    return lines;
  }

  private void footer(List<String> lines, SelfService.Page page) {
    lines.add("");
    lines.addAll(TextPages.wrap(text.format("pdf.pay", settings.bankDetails())));
    lines.addAll(TextPages.wrap(text.format("pay.reference", page.customer().getNumber())));
    lines.add("");
    lines.addAll(
        TextPages.wrap(text.format("pdf.contact", sender.name(), sender.email(), sender.phone())));
  }
}
