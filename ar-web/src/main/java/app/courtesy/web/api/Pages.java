package app.courtesy.web.api;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The page of each list, as the OpenAPI document names it: a {@link Page} whose items have their
 * type, so that a generated client reads them as what they are.
 */
final class Pages {

  private Pages() {}

  @Schema(description = "One page of customers; `next` is null on the last.")
  public record CustomerPage(List<CustomerView> items, @JsonbNillable String next)
      implements Paged {}

  @Schema(description = "One page of contacts; `next` is null on the last.")
  public record ContactPage(List<ContactView> items, @JsonbNillable String next) implements Paged {}

  @Schema(description = "One page of invoices; `next` is null on the last.")
  public record InvoicePage(List<InvoiceView> items, @JsonbNillable String next) implements Paged {}

  @Schema(description = "One page of payments; `next` is null on the last.")
  public record PaymentPage(List<LedgerViews.PaymentView> items, @JsonbNillable String next)
      implements Paged {}

  @Schema(description = "One page of credit notes; `next` is null on the last.")
  public record CreditNotePage(List<LedgerViews.CreditNoteView> items, @JsonbNillable String next)
      implements Paged {}

  @Schema(description = "One page of outbox messages; `next` is null on the last.")
  public record MessagePage(List<MessageView> items, @JsonbNillable String next) implements Paged {}

  @Schema(description = "One page of the communication log; `next` is null on the last.")
  public record LogEntryPage(List<LogEntryView> items, @JsonbNillable String next)
      implements Paged {}
}
