package org.provenant.filters.decontam;

import static java.util.Objects.requireNonNull;

/**
 * One item of an evaluation benchmark whose text must not be trained on: the benchmark's name,
 * the item's id within it (its {@code id_field}, or {@code line N} when the line has none) and
 * its text (the configured text fields, joined by newlines).
 */
public record BenchmarkItem(String benchmark, String id, String text) {
  public BenchmarkItem {
    requireNonNull(benchmark, "benchmark");
    requireNonNull(id, "id");
    requireNonNull(text, "text");
  }
}
