package kr.vaccinepass.portal.shared.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kr.vaccinepass.portal.shared.domain.PageRequest;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/** What every lazy table of the portal asks its service: a page, and a clicked row by its key. */
public final class LazyRows {
  private LazyRows() {}

  /**
   * The page PrimeFaces asks for, sorted by the one column chosen (ascending unless descending).
   */
  public static PageRequest page(int first, int pageSize, Map<String, SortMeta> sortBy) {
    SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
    return new PageRequest(
        first,
        pageSize,
        sort == null ? null : sort.getField(),
        sort != null && sort.getOrder() != SortOrder.DESCENDING);
  }

  /** The row of the page shown with this key, or null. */
  public static <T> T byKey(List<T> rows, String key, Function<T, String> keyOf) {
    return rows == null
        ? null
        : rows.stream().filter(r -> keyOf.apply(r).equals(key)).findFirst().orElse(null);
  }
}
