package app.courtesy.web.api;

import app.courtesy.shared.InvalidRowsException;
import app.courtesy.shared.UpsertResult;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;

/**
 * The one way the ledger resources take input: a single item or an array ("batch"), checked as a
 * whole by the domain service, nothing written if any item is wrong. Batch errors name the item
 * ({@code [3].amount}); single-item errors name the field.
 */
final class LedgerResources {

  private LedgerResources() {}

  /** A single item: 201 when it was created, 200 when it existed already. */
  static <T> Response single(T item, Function<List<T>, UpsertResult> upsert) {
    if (item == null) {
      throw new WebApplicationException(
          ApiErrors.response(Problem.of(400, "Bad Request", "The request body is empty.")));
    }
    try {
      UpsertResult result = upsert.apply(List.of(item));
      return Response.status(result.created() > 0 ? 201 : 200).entity(result).build();
    } catch (InvalidRowsException e) {
      throw new WebApplicationException(ApiErrors.invalidRows(e.errors(), false));
    }
  }

  /** An array of items: 200 with how many were created, updated and unchanged. */
  static <T> Response batch(List<T> items, Function<List<T>, UpsertResult> upsert) {
    if (items == null || items.isEmpty()) {
      throw new WebApplicationException(
          ApiErrors.response(
              Problem.of(400, "Bad Request", "The request body must be a non-empty array.")));
    }
    return Response.ok(upsert.apply(items)).build();
  }
}
