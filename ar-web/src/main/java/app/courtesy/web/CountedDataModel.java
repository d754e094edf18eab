package app.courtesy.web;

import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table whose count may stop at a limit ("101–101 of more than 100", see {@link
 * PageReport}): a page never reaches past the count, so the last page shows the rows its report
 * names rather than a full page beyond them.
 */
public abstract class CountedDataModel<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** Reads the page from {@code first}, up to the count the table was just given. */
  @Override
  public final List<T> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    int rows = Math.min(pageSize, getRowCount() - first);
    return rows > 0 ? page(first, rows, sortBy) : List.of();
  }

  /** The {@code rows} rows from {@code first} on, in the order {@code sortBy} asks for. */
  protected abstract List<T> page(int first, int rows, Map<String, SortMeta> sortBy);
}
