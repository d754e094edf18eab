package app.courtesy.web.api;

/**
 * Anything read page by page: a {@link Page}, or a page of one list typed for the OpenAPI document
 * (see {@link Pages}); {@link Page.Links} links each to its next page.
 */
public interface Paged {

  /** The cursor of the next page; {@code null} on the last. */
  String next();
}
