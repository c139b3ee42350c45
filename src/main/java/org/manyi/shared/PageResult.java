package org.manyi.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, as every list endpoint of the JSON API returns it: {@code
 * {"items":[...],"page":0,"size":50,"total":N}}.
 *
 * @param items the rows of this page
 * @param page zero-based page number
 * @param size requested page size
 * @param total number of rows over all pages, or with {@code totalCapped} a lower bound
 * @param totalCapped true when counting stopped early: there are at least {@code total} rows (a
 *     broad filter over a very large table is not counted to the end)
 */
public record PageResult<T>(List<T> items, int page, int size, long total, boolean totalCapped) {

  public PageResult {
    items = List.copyOf(items);
  }

  public PageResult(List<T> items, int page, int size, long total) {
    this(items, page, size, total, false);
  }

  /** Number of pages, at least one so an empty list still shows "page 1 of 1". */
  public int totalPages() {
    return size == 0 ? 1 : (int) Math.max(1, (total + size - 1) / size);
  }

  public boolean hasNext() {
    return page + 1 < totalPages();
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
    return new PageResult<>(items.stream().<R>map(mapper).toList(), page, size, total, totalCapped);
  }
}
