package app.courtesy.web.api;

import app.courtesy.shared.Keyset;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: its items and the cursor of the next page ({@code null} on the last). The
 * same cursor goes in an RFC 8288 {@code Link: <…>; rel="next"} header, the request's own URL with
 * {@code cursor} replaced, so a client can follow links without building URLs.
 */
@Schema(description = "One page of a list and the cursor of the next page (null on the last).")
public record Page<T>(
    @Schema(description = "The items of this page, at most `limit`.") List<T> items,
    @Schema(
            description =
                "Pass as `cursor` for the next page; null when this page is the last. Opaque.",
            example = "TlVNQkVSCkMtMTAwNDIKNTEwNTA",
            nullable = true)
        @JsonbNillable
        String next) {

  /**
   * The answer for {@code rows} read with one row more than {@code limit} asked: the extra row only
   * says that there is a next page.
   *
   * @param order the list's order, written into its cursors
   * @param keyOf where a page that ends with a row ended
   */
  static <R, T> Response of(
      List<R> rows,
      int limit,
      String order,
      Function<R, Keyset> keyOf,
      Function<R, T> view,
      UriInfo uri) {
    boolean more = rows.size() > limit;
    List<R> shown = more ? rows.subList(0, limit) : rows;
    String next = more ? Cursor.encode(order, keyOf.apply(shown.get(shown.size() - 1))) : null;
    Response.ResponseBuilder response =
        Response.ok(new Page<>(shown.stream().map(view).toList(), next));
    if (next != null) {
      response.header(
          "Link",
          "<"
              + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()
              + ">;"
              + " rel=\"next\"");
    }
    return response.build();
  }
}
