package org.manyi.satisfaction.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a run was estimated on. The data itself is kept with the run; the digest lets a reader check
 * that a file in hand is the one used.
 *
 * @param name the uploaded file's name
 * @param rows data rows in the file (before listwise deletion)
 * @param columns numeric columns in the file
 * @param sha256 hex SHA-256 of the file's bytes
 * @param filter the survey answers selected, null for an uploaded file
 */
public record DataDescription(
    String name, int rows, int columns, String sha256, @Nullable DataFilter filter) {}
