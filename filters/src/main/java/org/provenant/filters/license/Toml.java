package org.provenant.filters.license;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The part of TOML that licence fields use, read line by line: {@code [table]} and {@code
 * [[array-of-tables]]} headers, {@code key = value} with basic or literal strings (single or
 * triple quoted on one line), arrays of strings (may span lines), inline tables of strings
 * (flattened to {@code key.sub}), booleans and numbers as text. Anything else is skipped; never
 * throws. Package-private.
 */
final class Toml {
  /** One table: its header name ("" for the top) and its string or string-list values. */
  record Table(String name, Map<String, Object> values) {}

  private final List<Table> tables;

  private Toml(List<Table> tables) {
    this.tables = tables;
  }

  List<Table> tables() {
    return tables;
  }

  /** Tables named {@code name} (several for an array of tables), in order. */
  List<Table> tables(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).toList();
  }

  Optional<String> string(String table, String key) {
    for (Table t : tables(table)) {
      Object v = t.values().get(key);
      if (v instanceof String s) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  List<String> strings(String table, String key) {
    for (Table t : tables(table)) {
      Object v = t.values().get(key);
      if (v instanceof List<?> l) {
        return l.stream().map(String::valueOf).toList();
      }
      if (v instanceof String s) {
        return List.of(s);
      }
    }
    return List.of();
  }

  static Toml parse(String text) {
    List<Table> tables = new ArrayList<>();
    Table current = new Table("", new LinkedHashMap<>());
    tables.add(current);
    String[] lines = text == null ? new String[0] : text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        boolean array = line.startsWith("[[");
        int end = line.indexOf(array ? "]]" : "]");
        if (end < 0) {
          continue;
        }
        String name = line.substring(array ? 2 : 1, end).strip().replace("\"", "");
        current = new Table(name, new LinkedHashMap<>());
        tables.add(current);
        continue;
      }
      int eq = keyEnd(line);
      if (eq < 0) {
        continue;
      }
      String key = line.substring(0, eq).strip().replace("\"", "");
      StringBuilder value = new StringBuilder(line.substring(eq + 1).strip());
      // Arrays and triple-quoted strings may continue on the next lines.
      if (value.length() > 0 && value.charAt(0) == '[') {
        while (!closedArray(value) && i + 1 < lines.length) {
          value.append('\n').append(lines[++i]);
        }
      } else if (value.toString().startsWith("\"\"\"") || value.toString().startsWith("'''")) {
        String q = value.substring(0, 3);
        while (value.indexOf(q, 3) < 0 && i + 1 < lines.length) {
          value.append('\n').append(lines[++i]);
        }
      }
      Object v = value(value.toString());
      if (v instanceof Map<?, ?> inline) {
        Map<String, Object> target = current.values();
        inline.forEach((k, x) -> target.put(key + "." + k, x));
      } else if (v != null) {
        current.values().put(key, v);
      }
    }
    return new Toml(List.copyOf(tables));
  }

  private static int keyEnd(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '=' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean closedArray(CharSequence s) {
    int depth = 0;
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == '\\' && quote == '"') {
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
        if (depth == 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** A string, a list of strings, a map of strings (inline table), or null. */
  private static Object value(String v) {
    if (v.isEmpty()) {
      return null;
    }
    char c = v.charAt(0);
    if (c == '"' || c == '\'') {
      int[] end = {0};
      return readString(v, 0, end);
    }
    if (c == '[') {
      List<String> out = new ArrayList<>();
      int i = 1;
      while (i < v.length()) {
        char x = v.charAt(i);
        if (x == '"' || x == '\'') {
          int[] end = {0};
          out.add(readString(v, i, end));
          i = end[0];
        } else if (x == '#') {
          while (i < v.length() && v.charAt(i) != '\n') {
            i++;
          }
        } else if (x == ']') {
          break;
        } else {
          i++;
        }
      }
      return out;
    }
    if (c == '{') {
      Map<String, Object> m = new LinkedHashMap<>();
      String body = v.substring(1, v.lastIndexOf('}') < 0 ? v.length() : v.lastIndexOf('}'));
      for (String part : splitTopLevel(body)) {
        int eq = keyEnd(part);
        if (eq > 0) {
          Object x = value(part.substring(eq + 1).strip());
          if (x != null) {
            m.put(part.substring(0, eq).strip().replace("\"", ""), x);
          }
        }
      }
      return m;
    }
    int hash = v.indexOf('#');
    return (hash < 0 ? v : v.substring(0, hash)).strip();
  }

  private static List<String> splitTopLevel(String body) {
    List<String> out = new ArrayList<>();
    int start = 0;
    char quote = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == ',') {
        out.add(body.substring(start, i));
        start = i + 1;
      }
    }
    out.add(body.substring(start));
    return out;
  }

  private static String readString(String s, int from, int[] end) {
    char q = s.charAt(from);
    boolean triple = s.startsWith(String.valueOf(q).repeat(3), from);
    int i = from + (triple ? 3 : 1);
    StringBuilder out = new StringBuilder();
    while (i < s.length()) {
      char c = s.charAt(i);
      if (triple ? s.startsWith(String.valueOf(q).repeat(3), i) : c == q) {
        end[0] = i + (triple ? 3 : 1);
        return out.toString();
      }
      if (c == '\\' && q == '"' && i + 1 < s.length()) {
        char e = s.charAt(++i);
        out.append(switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          default -> e;
        });
      } else {
        out.append(c);
      }
      i++;
    }
    end[0] = s.length();
    return out.toString();
  }
}
