package kr.vaccinepass.portal.shared.domain;

import java.util.List;

/** A page of results with the total count of the whole filtered list. */
public record Page<T>(List<T> items, long total) {
  public Page {
    items = List.copyOf(items);
  }
}
