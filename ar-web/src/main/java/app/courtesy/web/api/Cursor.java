package app.courtesy.web.api;

import app.courtesy.shared.Keyset;
import app.courtesy.web.api.Problem.FieldError;
import jakarta.ws.rs.WebApplicationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The paging convention of every list in the API: {@code limit} items at most (default {@value
 * #DEFAULT_LIMIT}, up to {@value #MAX_LIMIT}; more is refused, never cut short silently) from where
 * {@code cursor} says the previous page ended. A cursor is opaque to the caller: base64url of the
 * list's order, the last item's sort key and its id, so it fits only the list and order it came
 * from.
 */
final class Cursor {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  private Cursor() {}

  /** The page size asked for: 400 naming {@code limit} outside 1 to {@value #MAX_LIMIT}. */
  static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw refused("limit", "must be from 1 to " + MAX_LIMIT, String.valueOf(limit));
    }
    return limit;
  }

  /** The cursor of a page that ended at {@code after}, in the order named {@code order}. */
  static String encode(String order, Keyset after) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(
            (order + "\n" + after.key() + "\n" + after.id()).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Where the previous page ended ({@code null} for the first page): 400 naming {@code cursor} when
   * it cannot be read or comes from a list in another order.
   */
  static Keyset decode(String cursor, String order) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    return parse(cursor.strip(), order)
        .orElseThrow(
            () ->
                refused(
                    "cursor",
                    "must be the next cursor of a page of this list, in the same order",
                    cursor.strip()));
  }

  /** What {@code cursor} says, if it is a cursor of a list in {@code order}. */
  static Optional<Keyset> parse(String cursor, String order) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int first = text.indexOf('\n');
      int last = text.lastIndexOf('\n');
      if (first < 0 || last == first || !text.substring(0, first).equals(order)) {
        return Optional.empty();
      }
      return Optional.of(
          new Keyset(text.substring(first + 1, last), Long.parseLong(text.substring(last + 1))));
    } catch (IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private static WebApplicationException refused(String name, String rule, String value) {
    String said = value.length() > 60 ? value.substring(0, 60) + "…" : value;
    return new WebApplicationException(
        ApiErrors.response(
            new Problem(
                400,
                "Bad Request",
                "The parameter " + name + " " + rule + ", not '" + said + "'.",
                List.of(new FieldError(name, rule)))));
  }
}
