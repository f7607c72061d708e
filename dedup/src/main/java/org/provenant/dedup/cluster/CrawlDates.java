package org.provenant.dedup.cluster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads {@code source.date} values (ISO-8601) as instants for the survivor rule. Accepted forms:
 * an instant or date-time with offset ({@code 2024-03-01T12:00:00Z}, {@code
 * 2024-03-01T12:00:00.5+02:00}), a local date-time (read as UTC) and a date (start of day, UTC).
 */
public final class CrawlDates {
  private CrawlDates() {}

  /** The instant {@code date} denotes; empty for null, blank or unparseable values. */
  public static Optional<Instant> parse(String date) {
    if (date == null || date.isBlank()) {
      return Optional.empty();
    }
    String s = date.strip();
    try {
      return Optional.of(OffsetDateTime.parse(s).toInstant());
    } catch (DateTimeParseException notOffset) {
      // try the next form
    }
    try {
      return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException notLocal) {
      // try the next form
    }
    try {
      return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException notDate) {
      return Optional.empty();
    }
  }
}
