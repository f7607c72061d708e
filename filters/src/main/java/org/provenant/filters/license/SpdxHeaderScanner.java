package org.provenant.filters.license;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code SPDX-License-Identifier:} lines near the top of a source file, behind any comment
 * prefix ({@code //}, {@code #}, {@code --}, {@code ;}, {@code *}, {@code /*}, {@code <!--}, {@code
 * %}, {@code REM}, ...), with comment closers ({@code * /}, {@code -->}) removed from the end.
 * Immutable and thread-safe.
 */
public final class SpdxHeaderScanner {
  /** Lines read from the top of a file; REUSE puts the tag in the header comment. */
  public static final int DEFAULT_MAX_LINES = 50;

  private static final Pattern TAG =
      Pattern.compile("SPDX-License-Identifier\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern TRAILER =
      Pattern.compile("\\s*(\\*/|-->|--%>|#\\}|%\\}|\\*\\)|-\\}|\\]\\]|\"\"\"|''').*$");

  /**
   * One identifier line.
   *
   * @param line 1-based line number
   * @param value the text after the tag, comment closers removed
   * @param expression {@code value} parsed (maybe invalid)
   */
  public record Header(int line, String value, SpdxExpression expression) {}

  private final int maxLines;

  private SpdxHeaderScanner(int maxLines) {
    this.maxLines = maxLines;
  }

  /** A scanner reading the first {@link #DEFAULT_MAX_LINES} lines. */
  public static SpdxHeaderScanner create() {
    return new SpdxHeaderScanner(DEFAULT_MAX_LINES);
  }

  /** A copy reading the first {@code maxLines} lines. */
  public SpdxHeaderScanner withMaxLines(int maxLines) {
    checkArgument(maxLines > 0, "maxLines must be positive: %s", maxLines);
    return new SpdxHeaderScanner(maxLines);
  }

  /** Every identifier line in the first lines of {@code text}, in order; empty for null text. */
  public List<Header> scan(String text) {
    if (text == null || text.indexOf(':') < 0) {
      return List.of();
    }
    List<Header> out = new ArrayList<>();
    int line = 0;
    int start = 0;
    int n = text.length();
    while (start <= n && line < maxLines) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      line++;
      if (end - start > 10 && end - start < 2000) {
        String l = text.substring(start, end);
        int at = indexOfIgnoreCase(l, "spdx-license-identifier");
        if (at >= 0) {
          Matcher m = TAG.matcher(l.substring(at));
          if (m.find()) {
            String value = TRAILER.matcher(m.group(1)).replaceFirst("").strip();
            out.add(new Header(line, value, SpdxExpression.parse(value)));
          }
        }
      }
      start = end + 1;
    }
    return List.copyOf(out);
  }

  private static int indexOfIgnoreCase(String s, String needle) {
    int max = s.length() - needle.length();
    for (int i = 0; i <= max; i++) {
      if (s.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }
}
