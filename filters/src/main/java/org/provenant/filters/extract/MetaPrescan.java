package org.provenant.filters.extract;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The HTML Standard's "prescan a byte stream to determine its encoding" (section 13.2.3.2): finds
 * the encoding a page declares with {@code <meta charset>} or {@code <meta http-equiv=content-type
 * content="...; charset=...">} in its first {@link #BYTES} bytes, skipping comments, the attributes
 * of other tags ({@code <a title="<meta charset=x>">} declares nothing) and {@code <!...>}, {@code
 * </...>} and {@code <?...>} constructs, exactly as a browser does. A declaration whose label is
 * unknown is passed over (and listed), and the scan goes on; a {@code content} declaration counts
 * only with {@code http-equiv="content-type"} on the same element; UTF-16 declared here means
 * UTF-8 (the bytes were just read as ASCII), and x-user-defined means windows-1252.
 *
 * <p>Stateless; the bytes are read as ASCII, so any ASCII-compatible body works.
 */
final class MetaPrescan {
  /** How many leading bytes are scanned, as the HTML Standard says. */
  static final int BYTES = 1024;

  private MetaPrescan() {}

  /**
   * What the prescan found.
   *
   * @param encoding the declared encoding, empty when none was found
   * @param label the label it was declared with, lower case; null when none was found
   * @param ignoredLabels labels declared before it that name no encoding, in document order
   */
  record Result(Optional<WebEncoding> encoding, String label, List<String> ignoredLabels) {
    Result {
      requireNonNull(encoding, "encoding");
      ignoredLabels = List.copyOf(ignoredLabels);
    }
  }

  private record Attribute(String name, String value) {}

  /** Thrown inside the scan when the input ends in the middle of a construct. */
  private static final class EndOfInput extends Exception {
    private static final long serialVersionUID = 1L;

    EndOfInput() {
      super(null, null, false, false);
    }
  }

  static Result prescan(byte[] body) {
    return new Scanner(body).run();
  }

  private static final class Scanner {
    private final byte[] b;
    private final int end;
    private final List<String> ignored = new ArrayList<>();
    private int pos;

    Scanner(byte[] body) {
      this.b = body;
      this.end = Math.min(body.length, BYTES);
    }

    Result run() {
      try {
        while (pos < end) {
          if (startsWith("<!--")) {
            int close = indexOf("-->", pos + 2);
            if (close < 0) {
              break;
            }
            pos = close + 2; // at the '>'
          } else if (startsWithIgnoreCase("<meta") && isSpaceOrSlash(at(pos + 5))) {
            pos += 5;
            Result found = meta();
            if (found != null) {
              return found;
            }
          } else if (at(pos) == '<' && (isAsciiLetter(at(pos + 1)) || (at(pos + 1) == '/' && isAsciiLetter(at(pos + 2))))) {
            while (pos < end && !isSpace(at(pos)) && at(pos) != '>') {
              pos++;
            }
            while (attribute() != null) {
              // the attributes of other elements are skipped
            }
          } else if (startsWith("<!") || startsWith("</") || startsWith("<?")) {
            int close = indexOf(">", pos + 2);
            if (close < 0) {
              break;
            }
            pos = close;
          }
          pos++;
        }
      } catch (EndOfInput e) {
        // the first BYTES bytes end inside a construct: nothing more is declared
      }
      return new Result(Optional.empty(), null, ignored);
    }

    /** The attributes of one meta element; the encoding it declares, or null to go on. */
    private Result meta() throws EndOfInput {
      Set<String> names = new HashSet<>();
      boolean gotPragma = false;
      Boolean needPragma = null;
      String label = null;
      WebEncoding charset = null;
      boolean charsetFailed = false;
      Attribute a;
      while ((a = attribute()) != null) {
        if (!names.add(a.name())) {
          continue;
        }
        switch (a.name()) {
          case "http-equiv" -> gotPragma |= a.value().equals("content-type");
          case "content" -> {
            String fromContent = charsetInContent(a.value());
            if (fromContent != null && !fromContent.isBlank() && charset == null && !charsetFailed) {
              Optional<WebEncoding> e = WebEncoding.forLabel(fromContent);
              if (e.isPresent()) {
                charset = e.get();
                label = fromContent;
                needPragma = true;
              } else {
                ignored.add(fromContent.strip());
              }
            }
          }
          case "charset" -> {
            Optional<WebEncoding> e = WebEncoding.forLabel(a.value());
            charset = e.orElse(null);
            charsetFailed = e.isEmpty();
            label = a.value();
            needPragma = false;
            if (e.isEmpty() && !a.value().isBlank()) {
              ignored.add(a.value().strip());
            }
          }
          default -> {
            // other attributes do not declare an encoding
          }
        }
      }
      if (needPragma == null || (needPragma && !gotPragma) || charset == null) {
        return null;
      }
      if (charset == WebEncoding.UTF_16BE || charset == WebEncoding.UTF_16LE) {
        charset = WebEncoding.UTF_8;
      } else if (charset == WebEncoding.X_USER_DEFINED) {
        charset = WebEncoding.WINDOWS_1252;
      }
      return new Result(Optional.of(charset), label.strip(), ignored);
    }

    /** The HTML Standard's "get an attribute"; null when the tag ends (position at its '>'). */
    private Attribute attribute() throws EndOfInput {
      while (isSpaceOrSlash(at(pos))) {
        pos++;
      }
      if (need(pos) == '>') {
        return null;
      }
      StringBuilder name = new StringBuilder();
      StringBuilder value = new StringBuilder();
      while (true) {
        int c = need(pos);
        if (c == '=' && name.length() > 0) {
          pos++;
          break;
        } else if (isSpace(c)) {
          while (isSpace(at(pos))) {
            pos++;
          }
          if (need(pos) != '=') {
            return new Attribute(name.toString(), "");
          }
          pos++;
          break;
        } else if (c == '/' || c == '>') {
          return new Attribute(name.toString(), "");
        }
        name.append(lower(c));
        pos++;
      }
      while (isSpace(at(pos))) {
        pos++;
      }
      int c = need(pos);
      if (c == '"' || c == '\'') {
        while (true) {
          pos++;
          int d = need(pos);
          if (d == c) {
            pos++;
            return new Attribute(name.toString(), value.toString());
          }
          value.append(lower(d));
        }
      }
      if (c == '>') {
        return new Attribute(name.toString(), "");
      }
      value.append(lower(c));
      pos++;
      while (true) {
        int d = need(pos);
        if (isSpace(d) || d == '>') {
          return new Attribute(name.toString(), value.toString());
        }
        value.append(lower(d));
        pos++;
      }
    }

    private int at(int i) {
      return i < end ? b[i] & 0xff : -1;
    }

    private int need(int i) throws EndOfInput {
      if (i >= end) {
        throw new EndOfInput();
      }
      return b[i] & 0xff;
    }

    private boolean startsWith(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (at(pos + i) != s.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private boolean startsWithIgnoreCase(String lowerCase) {
      for (int i = 0; i < lowerCase.length(); i++) {
        int c = at(pos + i);
        if (c < 0 || lower(c) != lowerCase.charAt(i)) {
          return false;
        }
      }
      return true;
    }

    private int indexOf(String s, int from) {
      for (int i = from; i + s.length() <= end; i++) {
        boolean match = true;
        for (int j = 0; j < s.length() && match; j++) {
          match = (b[i + j] & 0xff) == s.charAt(j);
        }
        if (match) {
          return i;
        }
      }
      return -1;
    }
  }

  /**
   * The HTML Standard's "extracting a character encoding from a meta element": the label after
   * the first {@code charset} followed by {@code =} in a content attribute (quoted, or up to
   * whitespace or {@code ;}), or null.
   */
  static String charsetInContent(String content) {
    String s = content.toLowerCase(java.util.Locale.ROOT);
    int from = 0;
    while (true) {
      int at = s.indexOf("charset", from);
      if (at < 0) {
        return null;
      }
      int i = at + "charset".length();
      while (i < s.length() && isSpace(s.charAt(i))) {
        i++;
      }
      if (i >= s.length() || s.charAt(i) != '=') {
        from = i;
        continue;
      }
      i++;
      while (i < s.length() && isSpace(s.charAt(i))) {
        i++;
      }
      if (i >= s.length()) {
        return null;
      }
      char first = s.charAt(i);
      if (first == '"' || first == '\'') {
        int close = s.indexOf(first, i + 1);
        return close < 0 ? null : s.substring(i + 1, close);
      }
      int stop = i;
      while (stop < s.length() && !isSpace(s.charAt(stop)) && s.charAt(stop) != ';') {
        stop++;
      }
      return s.substring(i, stop);
    }
  }

  private static char lower(int c) {
    return (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isSpace(int c) {
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
  }

  private static boolean isSpaceOrSlash(int c) {
    return isSpace(c) || c == '/';
  }
}
