package org.provenant.filters.license;

import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The word normalisation licence matching is defined with, applied the same way to SPDX texts and
 * to input: lower case, letters and digits only, one-letter words dropped (one-digit words kept), British and
 * American spellings folded ({@code licence} → {@code license}), copyright and "all rights
 * reserved" lines skipped (they differ in every copy), HTML tags removed. Package-private.
 */
final class LicenseWords {
  private LicenseWords() {}

  private static final Pattern HTML_TAG = Pattern.compile("<[^>\\n]{0,400}>");
  private static final Pattern HTML_ENTITY = Pattern.compile("&(?:[a-zA-Z]{2,8}|#\\d{1,6});");

  /** Spellings folded to one form, after lower-casing. */
  private static final Map<String, String> VARIANTS =
      Map.ofEntries(
          Map.entry("licence", "license"),
          Map.entry("licences", "licenses"),
          Map.entry("licenced", "licensed"),
          Map.entry("licencing", "licensing"),
          Map.entry("licensor", "licensor"),
          Map.entry("licencor", "licensor"),
          Map.entry("licencee", "licensee"),
          Map.entry("acknowledgment", "acknowledgement"),
          Map.entry("acknowledgments", "acknowledgements"),
          Map.entry("authorised", "authorized"),
          Map.entry("organisation", "organization"),
          Map.entry("organisations", "organizations"),
          Map.entry("behaviour", "behavior"),
          Map.entry("favour", "favor"),
          Map.entry("centre", "center"),
          Map.entry("recognised", "recognized"),
          Map.entry("characterised", "characterized"),
          Map.entry("apologise", "apologize"),
          Map.entry("owner", "holder"),
          Map.entry("owners", "holders"),
          Map.entry("whilst", "while"),
          Map.entry("percent", "percent"),
          Map.entry("analogue", "analog"),
          Map.entry("offence", "offense"),
          Map.entry("wilful", "willful"));

  /** {@code text} without HTML tags and entities when it looks like HTML; otherwise unchanged. */
  static String stripHtml(String text) {
    if (text.indexOf('<') < 0 || !(text.contains("</") || text.contains("/>"))) {
      return text;
    }
    return HTML_ENTITY.matcher(HTML_TAG.matcher(text).replaceAll(" ")).replaceAll(" ");
  }

  /** Calls {@code sink} for each normalised word of {@code text}, in order, duplicates included. */
  static void forEachWord(CharSequence text, Consumer<String> sink) {
    int n = text.length();
    StringBuilder w = new StringBuilder(16);
    boolean lineStart = true;
    int i = 0;
    while (i < n) {
      if (lineStart) {
        lineStart = false;
        int end = lineEnd(text, i);
        if (isCopyrightLine(text, i, end)) {
          i = end;
          continue;
        }
      }
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        w.append(Character.toLowerCase(c));
      } else {
        flush(w, sink);
        if (c == '\n') {
          lineStart = true;
        }
      }
      i++;
    }
    flush(w, sink);
  }

  private static void flush(StringBuilder w, Consumer<String> sink) {
    // Single letters (list markers) are noise; single digits carry versions ("version 2").
    if (w.length() > 1 || (w.length() == 1 && Character.isDigit(w.charAt(0)))) {
      String s = w.toString();
      sink.accept(VARIANTS.getOrDefault(s, s));
    }
    w.setLength(0);
  }

  private static int lineEnd(CharSequence text, int from) {
    int n = text.length();
    int i = from;
    while (i < n && text.charAt(i) != '\n') {
      i++;
    }
    return i;
  }

  /** A line whose first word is copyright, (c) or ©, or that says "all rights reserved" alone. */
  static boolean isCopyrightLine(CharSequence text, int from, int end) {
    int i = from;
    while (i < end) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '(' || c == '\u00a9') {
        break;
      }
      i++;
    }
    if (i >= end) {
      return false;
    }
    if (text.charAt(i) == '\u00a9') {
      return true;
    }
    return startsWithIgnoreCase(text, i, end, "copyright")
        || startsWithIgnoreCase(text, i, end, "(c)")
        || startsWithIgnoreCase(text, i, end, "all rights reserved");
  }

  private static boolean startsWithIgnoreCase(CharSequence text, int i, int end, String prefix) {
    if (end - i < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (Character.toLowerCase(text.charAt(i + k)) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The words of an SPDX template that every matching text must contain: optional blocks and
   * variable parts removed. {@code <<beginOptional>>} blocks may nest.
   */
  static String requiredTemplateText(String template) {
    StringBuilder out = new StringBuilder(template.length());
    int depth = 0;
    int i = 0;
    int n = template.length();
    while (i < n) {
      if (template.startsWith("<<", i)) {
        int close = template.indexOf(">>", i + 2);
        if (close < 0) {
          break;
        }
        String tag = template.substring(i + 2, close);
        if (tag.startsWith("beginOptional")) {
          depth++;
        } else if (tag.startsWith("endOptional")) {
          depth = Math.max(0, depth - 1);
        }
        // var tags contribute nothing: their text varies between copies.
        out.append(' ');
        i = close + 2;
        continue;
      }
      if (depth == 0) {
        out.append(template.charAt(i));
      }
      i++;
    }
    return out.toString();
  }

  /** The whole text of an SPDX template: optional blocks kept, variables as their original text. */
  static String fullTemplateText(String template) {
    StringBuilder out = new StringBuilder(template.length());
    int i = 0;
    int n = template.length();
    while (i < n) {
      if (template.startsWith("<<", i)) {
        int close = template.indexOf(">>", i + 2);
        if (close < 0) {
          break;
        }
        String tag = template.substring(i + 2, close);
        int o = tag.indexOf("original=\"");
        if (tag.startsWith("var") && o >= 0) {
          int oEnd = tag.indexOf('"', o + 10);
          out.append(' ').append(tag, o + 10, oEnd < 0 ? tag.length() : oEnd).append(' ');
        } else {
          out.append(' ');
        }
        i = close + 2;
        continue;
      }
      out.append(template.charAt(i));
      i++;
    }
    return out.toString();
  }
}
