package app.courtesy.collection;

import app.courtesy.customer.Channel;
import app.courtesy.shared.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A call or visit as the collector logs it.
 *
 * @param channel {@link Channel#PHONE} or {@link Channel#VISIT}
 */
public record CallRecord(
    @NotNull Channel channel,
    @NotNull CallOutcome outcome,
    @Size(max = 2000) @PlainText(multiline = true) String note) {}
