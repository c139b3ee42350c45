package org.manyi.knowledge;

import java.util.UUID;

/** A knowledge article's identity. */
public record ArticleId(UUID value) {

  public static ArticleId random() {
    return new ArticleId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
