package org.provenant.filters.license;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The SPDX licence exceptions Provenant recognises in licence texts and in licence names of
 * package metadata, so that {@code GPL-2.0-only WITH Classpath-exception-2.0} is read as such and
 * not as plain GPL. Each entry is an id of the SPDX exception list bundled with the SPDX library
 * ({@link SpdxLicenseList#exceptions()}; the class fails to load if one is not listed), the
 * licence families it is added to, the wording that identifies its text and the words that name
 * it in a licence name ("GPLv2 with Classpath exception"). A small table rather than template
 * matching of all exception texts: these are the exceptions real packages use, and a phrase
 * search costs nothing next to a licence compare. Immutable.
 */
public final class LicenseExceptions {
  /**
   * One recognised exception.
   *
   * @param id the SPDX exception id
   * @param bases the licence families ({@link PackageLicenseResolver#family}) it is added to
   * @param text phrases of the exception's text, lower case, white space single (any one identifies it)
   * @param name words of a licence name that mean "with this exception"
   */
  public record Entry(String id, ImmutableSet<String> bases, ImmutableList<String> text, Pattern name) {
    /** True when {@code flat} ({@link #flatten}ed text) holds one of the exception's phrases. */
    boolean foundIn(String flat) {
      for (String phrase : text) {
        if (flat.contains(phrase)) {
          return true;
        }
      }
      return false;
    }
  }

  private static final String GPL = "GPL-2.0";
  private static final String GPL3 = "GPL-3.0";

  private static final ImmutableList<Entry> ENTRIES = ImmutableList.of(
      entry("Classpath-exception-2.0", Set.of(GPL, GPL3),
          "link this library with independent modules to produce an executable, regardless of the license terms",
          "class ?path(?: linking)? exception|\\+ ?cpe\\b|with cpe\\b"),
      entry("Universal-FOSS-exception-1.0", Set.of(GPL, GPL3, "LGPL-2.1", "AGPL-3.0"),
          "universal foss exception", "universal foss exception"),
      entry("LLVM-exception", Set.of("Apache-2.0"),
          "llvm exceptions to the apache 2.0 license"
              + "|as an exception, if, as a result of your compiling your source code, portions of this software are embedded into an object form",
          "llvm exceptions?"),
      entry("GCC-exception-3.1", Set.of(GPL3, GPL),
          "gcc runtime library exception version 3.1", "gcc runtime library exception"),
      entry("GCC-exception-2.0", Set.of(GPL, "LGPL-2.0", "LGPL-2.1"),
          "gives you unlimited permission to link the compiled version of this file into combinations with other programs",
          "gcc linking exception"),
      entry("Autoconf-exception-3.0", Set.of(GPL3), "autoconf configure script exception", "autoconf exception 3"),
      entry("Bison-exception-2.2", Set.of(GPL, GPL3),
          "you may create a larger work that contains part or all of the bison parser skeleton", "bison exception"),
      entry("Font-exception-2.0", Set.of(GPL, GPL3),
          "if you create a document which uses this font, and embed this font or unaltered portions of this font into the document",
          "font exception"),
      entry("OpenJDK-assembly-exception-1.0", Set.of(GPL), "openjdk assembly exception|designated exception modules", "assembly exception"),
      entry("LGPL-3.0-linking-exception", Set.of("LGPL-3.0"),
          "permission to convey to a third party a combined work that links statically or dynamically to this library",
          "lgpl (?:3\\.0 )?linking exception|static linking exception"),
      entry("Qt-LGPL-exception-1.1", Set.of("LGPL-2.1"), "qt lgpl exception version 1.1", "qt lgpl exception"),
      entry("WxWindows-exception-3.1", Set.of("LGPL-2.0", "LGPL-2.1"), "wxwindows library licence", "wxwindows (?:library )?exception"),
      entry("Linux-syscall-note", Set.of(GPL),
          "this copyright does not cover user programs that use kernel services by normal system calls",
          "linux syscall note"),
      entry("Swift-exception", Set.of("Apache-2.0"), "runtime library exception to the apache 2.0 license", "swift exception"),
      entry("FLTK-exception", Set.of("LGPL-2.0"), "the fltk library and included programs are provided under the terms of the gnu library general public license (lgpl) with the following exceptions", "fltk exception"));

  private static Entry entry(String id, Set<String> bases, String text, String name) {
    if (!SpdxLicenseList.get().exceptions().containsKey(id)) {
      throw new IllegalStateException("not in the SPDX exception list: " + id);
    }
    return new Entry(id, ImmutableSet.copyOf(bases), ImmutableList.copyOf(text.split("\\|")), StablePattern.compile("(?i)(?:" + name + ")"));
  }

  private LicenseExceptions() {}

  /** Every recognised exception, in table order. */
  public static ImmutableList<Entry> entries() {
    return ENTRIES;
  }

  /**
   * The exceptions whose wording {@code text} holds, in table order. The text is compared with
   * runs of white space, comment stars and {@code #} folded into one space.
   */
  public static List<Entry> inText(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    // every table entry's phrases hold one of these words: most licence texts need no flat copy
    if (!(text.contains("xception") || text.contains("XCEPTION") || text.contains("NOTE!")
        || text.contains("icence") || text.contains("ICENCE") || text.contains("nlimited permission"))) {
      return List.of();
    }
    return inFlatText(flatten(text));
  }

  /** As {@link #inText}, for a text already {@link #flatten}ed. */
  static List<Entry> inFlatText(String flat) {
    if (!flat.contains("exception") && !flat.contains("licence") && !flat.contains("note") && !flat.contains("unlimited permission")) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (Entry e : ENTRIES) {
      if (e.foundIn(flat)) {
        out.add(e);
      }
    }
    return out;
  }

  /** The exception a licence name speaks of ("GPL2 w/ CPE", "GPLv2 with Classpath exception"). */
  public static Optional<Entry> inName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String flat = flatten(name).replace('-', ' ').replace('_', ' ');
    for (Entry e : ENTRIES) {
      if (e.name().matcher(flat).find()) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /**
   * {@code expression} with {@code WITH exception} added to every licence id of a family the
   * exception applies to that has no exception yet; the expression unchanged when it has no such
   * id or does not parse.
   */
  public static String attach(String expression, Entry exception) {
    SpdxExpression parsed = SpdxExpression.parse(expression);
    if (!parsed.isValid()) {
      return expression;
    }
    Optional<SpdxExpression.Node> root = parsed.root();
    if (root.isEmpty()) {
      return expression;
    }
    SpdxExpression.Node withed = attach(root.get(), exception);
    SpdxExpression out = SpdxExpression.parse(render(withed));
    return out.normalized().orElse(expression);
  }

  /** True when {@code expression} has an id of a family {@code exception} applies to. */
  public static boolean appliesTo(String expression, Entry exception) {
    Set<String> families = new LinkedHashSet<>();
    SpdxExpression.parse(expression).licenseIds().forEach(i -> families.add(PackageLicenseResolver.family(i)));
    return families.stream().anyMatch(exception.bases()::contains);
  }

  private static SpdxExpression.Node attach(SpdxExpression.Node n, Entry exception) {
    if (n instanceof SpdxExpression.Id id) {
      return exception.bases().contains(PackageLicenseResolver.family(id.id())) ? new SpdxExpression.With(id, exception.id()) : id;
    }
    if (n instanceof SpdxExpression.And a) {
      return new SpdxExpression.And(ImmutableList.copyOf(a.terms().stream().map(t -> attach(t, exception)).toList()));
    }
    if (n instanceof SpdxExpression.Or o) {
      return new SpdxExpression.Or(ImmutableList.copyOf(o.terms().stream().map(t -> attach(t, exception)).toList()));
    }
    return n; // already WITH an exception
  }

  private static String render(SpdxExpression.Node n) {
    if (n instanceof SpdxExpression.Id id) {
      return id.id() + (id.orLater() ? "+" : "");
    }
    if (n instanceof SpdxExpression.With w) {
      return render(w.license()) + " WITH " + w.exception();
    }
    if (n instanceof SpdxExpression.And a) {
      return "(" + String.join(" AND ", a.terms().stream().map(LicenseExceptions::render).toList()) + ")";
    }
    SpdxExpression.Or o = (SpdxExpression.Or) n;
    return "(" + String.join(" OR ", o.terms().stream().map(LicenseExceptions::render).toList()) + ")";
  }

  /**
   * {@code text} in lower case with every run of white space, comment stars, {@code #} and {@code /}
   * one space, and typographic quotes plain: the form phrases are looked for in.
   */
  static String flatten(String text) {
    StringBuilder b = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || c == '*' || c == '#' || c == '/') {
        space = true;
        continue;
      }
      if (space && b.length() > 0) {
        b.append(' ');
      }
      space = false;
      b.append(c == '\u201c' || c == '\u201d' ? '"' : c == '\u2019' ? '\'' : Character.toLowerCase(c));
    }
    return b.toString();
  }
}
