package app.courtesy.collection;

import app.courtesy.shared.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The invoices a customer disputes, why, and what they said. */
public record DisputeTerms(
    @NotEmpty List<@NotBlank String> invoices,
    @NotNull DisputeReason reason,
    @Size(max = 2000) @PlainText(multiline = true) String note) {}
