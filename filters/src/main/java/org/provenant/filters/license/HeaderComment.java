package org.provenant.filters.license;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The leading comment block of a source file, with comment markers and copyright lines removed:
 * where source files state their licence in prose ("Licensed under the Apache License, Version
 * 2.0 ..."), the most common licence statement in Java and C code, which {@link LicenseTextMatcher}
 * then reads against the SPDX licences' standard headers.
 *
 * <p>Read: at most {@value #MAX_LINES} lines and {@value #MAX_CHARS} characters from the top; a
 * shebang, an XML declaration, blank lines and a Go/Java {@code package} line before the comment
 * are skipped; the block is {@code /* ... *}{@code /}, {@code <!-- ... -->}, a Python docstring, or
 * consecutive lines starting with {@code //}, {@code #}, {@code --}, {@code ;}, {@code %} or {@code
 * REM}; it ends at the first line of code. Copyright lines ({@code Copyright}, {@code (c)}, {@code
 * ©}) are dropped so that one package's files, which differ only in years and holders, give one
 * text. Plain functions of the input; thread-safe.
 */
final class HeaderComment {
  static final int MAX_LINES = 80;
  static final int MAX_CHARS = 8_000;
  private static final Pattern COPYRIGHT = StablePattern.compile("(?i)^\\s*(copyright\\b|\\(c\\)|©|all rights reserved\\.?\\s*$)");
  private static final Pattern LINE_PREFIX = StablePattern.compile("^\\s*(//+|#+|--+|;+|%+|REM\\b|\\*+|/\\*+!?|<!--|\"\"\"|''')\\s?");
  private static final Pattern LINE_SUFFIX = Pattern.compile("\\s*(\\*+/|-->|\"\"\"|''')\\s*$");

  private HeaderComment() {}

  /** The comment text of {@code source}'s leading comment block; empty when it has none. */
  static String of(String source) {
    if (source == null || source.isEmpty()) {
      return "";
    }
    String head = source.length() > MAX_CHARS ? source.substring(0, MAX_CHARS) : source;
    String[] lines = head.split("\r?\n", MAX_LINES + 1);
    StringBuilder out = new StringBuilder();
    boolean inBlock = false;
    String blockEnd = null;
    boolean started = false;
    for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
      String line = lines[i];
      String t = line.strip();
      if (!started && !inBlock) {
        if (t.isEmpty() || (i == 0 && t.startsWith("#!")) || t.startsWith("<?xml") || t.startsWith("package ")) {
          continue;
        }
      }
      if (inBlock) {
        int end = t.indexOf(blockEnd);
        append(out, end >= 0 ? t.substring(0, end) : t);
        if (end >= 0) {
          inBlock = false;
        }
        continue;
      }
      if (t.startsWith("/*") || t.startsWith("<!--") || t.startsWith("\"\"\"") || t.startsWith("'''")) {
        String open = t.startsWith("/*") ? "/*" : t.startsWith("<!--") ? "<!--" : t.substring(0, 3);
        blockEnd = open.equals("/*") ? "*/" : open.equals("<!--") ? "-->" : open;
        String rest = t.substring(open.length());
        int end = rest.indexOf(blockEnd);
        append(out, end >= 0 ? rest.substring(0, end) : rest);
        started = true;
        inBlock = end < 0;
        continue;
      }
      if (t.startsWith("//") || t.startsWith("#") || t.startsWith("--") || t.startsWith(";") || t.startsWith("%")
          || t.toUpperCase(Locale.ROOT).startsWith("REM ")) {
        append(out, t);
        started = true;
        continue;
      }
      if (started && t.isEmpty()) {
        continue; // a blank line between comment blocks
      }
      break; // code
    }
    return out.toString().strip();
  }

  private static void append(StringBuilder out, String line) {
    String s = LINE_SUFFIX.matcher(LINE_PREFIX.matcher(line).replaceFirst("")).replaceFirst("");
    if (s.isBlank() || COPYRIGHT.matcher(s).find()) {
      return;
    }
    out.append(s.strip()).append('\n');
  }
}
