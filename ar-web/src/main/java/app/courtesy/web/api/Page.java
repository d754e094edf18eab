package app.courtesy.web.api;

import app.courtesy.shared.Keyset;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: its items and the cursor of the next page ({@code null} on the last). The
 * same cursor goes in an RFC 8288 {@code Link: <…>; rel="next"} header ({@link Links}), the
 * request's own URL with {@code cursor} replaced, so a client can follow links without building
 * URLs.
 */
@Schema(description = "One page of a list and the cursor of the next page (null on the last).")
public record Page<T>(
    List<T> items,
    @Schema(
            description =
                "Pass as `cursor` for the next page; null when this page is the last. Opaque.",
            example = "TlVNQkVSCkMtMTAwNDIKNTEwNTA",
            nullable = true)
        @JsonbNillable
        String next)
    implements Paged {

  /** This page as a page of one list, typed for the OpenAPI document. */
  <P extends Paged> P as(BiFunction<List<T>, String, P> typed) {
    return typed.apply(items, next);
  }

  /**
   * The page of {@code rows} read with one row more than {@code limit} asked: the extra row only
   * says that there is a next page.
   *
   * @param order the list's order, written into its cursors
   * @param keyOf where a page that ends with a row ended
   */
  static <R, T> Page<T> of(
      List<R> rows, int limit, String order, Function<R, Keyset> keyOf, Function<R, T> view) {
    boolean more = rows.size() > limit;
    List<R> shown = more ? rows.subList(0, limit) : rows;
    return new Page<>(
        shown.stream().map(view).toList(),
        more ? Cursor.encode(order, keyOf.apply(shown.get(shown.size() - 1))) : null);
  }

  /** Adds the {@code Link: <…>; rel="next"} header to every page that has a next one. */
  @Provider
  public static class Links implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if (response.getEntity() instanceof Paged page && page.next() != null) {
        response
            .getHeaders()
            .add(
                "Link",
                "<"
                    + request
                        .getUriInfo()
                        .getRequestUriBuilder()
                        .replaceQueryParam("cursor", page.next())
                        .build()
                    + ">; rel=\"next\"");
      }
    }
  }
}
