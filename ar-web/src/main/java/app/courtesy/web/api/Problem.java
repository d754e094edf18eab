package app.courtesy.web.api;

import java.util.List;

/**
 * The body of every error the API returns: HTTP status, a short title, what went wrong, and for
 * invalid input one entry per offending field (path such as {@code roles[1]} or {@code
 * [3].amount}).
 */
public record Problem(int status, String title, String detail, List<FieldError> errors) {

  public record FieldError(String field, String message) {}

  public static Problem of(int status, String title, String detail) {
    return new Problem(status, title, detail, List.of());
  }
}
