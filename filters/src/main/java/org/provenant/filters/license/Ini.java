package org.provenant.filters.license;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * setup.cfg as configparser reads it: {@code [section]}, {@code key = value} or {@code key:
 * value}, indented continuation lines appended with a newline, {@code #}/{@code ;} comment
 * lines. Section and key names are lower-cased, {@code -} in keys read as {@code _}.
 * Package-private; never throws.
 */
final class Ini {
  private final Map<String, String> values;

  private Ini(Map<String, String> values) {
    this.values = values;
  }

  Optional<String> get(String section, String key) {
    return Optional.ofNullable(values.get(section + "\u0000" + key));
  }

  static Ini parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    String section = "";
    String lastKey = null;
    for (String raw : (text == null ? "" : text).split("\r?\n")) {
      if (raw.isBlank()) {
        continue;
      }
      String line = raw.strip();
      if (line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      boolean indented = Character.isWhitespace(raw.charAt(0));
      if (indented && lastKey != null) {
        values.merge(lastKey, line, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
        lastKey = null;
        continue;
      }
      int eq = line.indexOf('=');
      int colon = line.indexOf(':');
      int sep = eq < 0 ? colon : colon < 0 ? eq : Math.min(eq, colon);
      if (sep <= 0) {
        continue;
      }
      String key = line.substring(0, sep).strip().toLowerCase(Locale.ROOT).replace('-', '_');
      lastKey = section + "\u0000" + key;
      values.put(lastKey, line.substring(sep + 1).strip());
    }
    return new Ini(values);
  }
}
