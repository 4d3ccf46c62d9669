package kr.vaccinepass.portal.shared.domain;

/**
 * One page of a list: offset, size (capped, so no caller can ask for a whole table), and the sort
 * field and direction as the caller's list names them.
 */
public record PageRequest(int offset, int size, String sortField, boolean ascending) {
  public static final int MAX_SIZE = 200;

  public PageRequest {
    if (offset < 0) {
      offset = 0;
    }
    if (size <= 0) {
      size = 20;
    }
    size = Math.min(size, MAX_SIZE);
  }

  public static PageRequest first(int size) {
    return new PageRequest(0, size, null, true);
  }
}
