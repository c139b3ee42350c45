package org.manyi.shared;

/**
 * A page asked for by a client, clamped to sane bounds so a request can never ask the database for
 * everything at once.
 */
public record PageRequest(int page, int size) {

  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public PageRequest {
    page = Math.max(0, page);
    size = size <= 0 ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
  }

  public static PageRequest of(Integer page, Integer size) {
    return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
  }

  public long offset() {
    return (long) page * size;
  }
}
