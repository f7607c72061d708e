package org.provenant.filters.license;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A parsed SPDX licence expression ({@code MIT OR (Apache-2.0 AND BSD-3-Clause)}, {@code
 * GPL-2.0-or-later WITH Classpath-exception-2.0}), normalised: listed ids in their canonical case,
 * deprecated GNU ids replaced ({@code GPL-2.0+} → {@code GPL-2.0-or-later}, {@code GPL-2.0} →
 * {@code GPL-2.0-only}, {@code GPL-2.0-with-classpath-exception} → {@code GPL-2.0-only WITH
 * Classpath-exception-2.0}), operators upper case, nested AND/OR flattened, AND terms inside OR
 * parenthesised for readability (AND binds tighter than OR when parsing).
 *
 * <p>{@link #parse} never throws: an invalid expression gives a value with {@link #isValid()}
 * false and an {@link #error()} saying why. Unknown ids that are not {@code LicenseRef-}/{@code
 * DocumentRef-} references are invalid. Immutable.
 */
public final class SpdxExpression {

  /** A node of the expression tree. */
  public sealed interface Node permits Id, With, And, Or {}

  /** A licence id or {@code LicenseRef-}; {@code orLater} for a trailing {@code +}. */
  public record Id(String id, boolean orLater) implements Node {}

  /** {@code license WITH exception}. */
  public record With(Id license, String exception) implements Node {}

  /** All of the terms apply. */
  public record And(ImmutableList<Node> terms) implements Node {}

  /** Any one of the terms may be chosen. */
  public record Or(ImmutableList<Node> terms) implements Node {}

  private static final Pattern REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.\\-]+:)?LicenseRef-[A-Za-z0-9.\\-]+");
  private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9.\\-:+]+");

  /** GNU deprecated ids and "with exception" ids, lower case, to their replacement expression. */
  private static final Map<String, String> DEPRECATED =
      Map.ofEntries(
          Map.entry("gpl-2.0-with-classpath-exception", "GPL-2.0-only WITH Classpath-exception-2.0"),
          Map.entry("gpl-2.0-with-autoconf-exception", "GPL-2.0-only WITH Autoconf-exception-2.0"),
          Map.entry("gpl-2.0-with-bison-exception", "GPL-2.0-or-later WITH Bison-exception-2.2"),
          Map.entry("gpl-2.0-with-font-exception", "GPL-2.0-only WITH Font-exception-2.0"),
          Map.entry("gpl-2.0-with-gcc-exception", "GPL-2.0-only WITH GCC-exception-2.0"),
          Map.entry("gpl-3.0-with-autoconf-exception", "GPL-3.0-only WITH Autoconf-exception-3.0"),
          Map.entry("gpl-3.0-with-gcc-exception", "GPL-3.0-only WITH GCC-exception-3.1"),
          Map.entry("wxwindows", "LGPL-2.0-or-later WITH WxWindows-exception-3.1"),
          Map.entry("standardml-nj", "SMLNJ"),
          Map.entry("nunit", "Zlib-acknowledgement"),
          Map.entry("bsd-2-clause-freebsd", "BSD-2-Clause-Views"),
          Map.entry("bsd-2-clause-netbsd", "BSD-2-Clause"));

  private static final Set<String> GNU_FAMILIES =
      Set.of("gpl-1.0", "gpl-2.0", "gpl-3.0", "lgpl-2.0", "lgpl-2.1", "lgpl-3.0", "agpl-1.0",
          "agpl-3.0", "gfdl-1.1", "gfdl-1.2", "gfdl-1.3");

  private final String input;
  private final Node root;
  private final String error;

  private SpdxExpression(String input, Node root, String error) {
    this.input = input;
    this.root = root;
    this.error = error;
  }

  /** Parses {@code text}; never throws. Null or blank text is invalid ("empty expression"). */
  public static SpdxExpression parse(String text) {
    String in = text == null ? "" : text;
    if (in.isBlank()) {
      return new SpdxExpression(in, null, "empty expression");
    }
    if (in.length() > 4096) {
      return new SpdxExpression(in, null, "expression longer than 4096 characters");
    }
    try {
      Parser p = new Parser(tokenize(in));
      Node n = p.orExpr();
      if (p.pos < p.tokens.size()) {
        throw new ParseError("unexpected '" + p.tokens.get(p.pos) + "'");
      }
      return new SpdxExpression(in, n, "");
    } catch (ParseError e) {
      return new SpdxExpression(in, null, e.getMessage());
    }
  }

  /** An expression of all of {@code parts} (each itself an expression), joined with AND. */
  public static SpdxExpression and(List<SpdxExpression> parts) {
    List<Node> nodes = new ArrayList<>();
    for (SpdxExpression p : parts) {
      if (!p.isValid()) {
        return p;
      }
      addFlattened(nodes, p.root, And.class);
    }
    if (nodes.isEmpty()) {
      return parse("");
    }
    List<Node> distinct = new ArrayList<>(new LinkedHashSet<>(nodes));
    Node n = distinct.size() == 1 ? distinct.get(0) : new And(ImmutableList.copyOf(distinct));
    return new SpdxExpression(render(n), n, "");
  }

  /** The text given to {@link #parse}. */
  public String input() {
    return input;
  }

  /** True when the input was a well-formed expression of known or referenced ids. */
  public boolean isValid() {
    return root != null;
  }

  /** Why the input is invalid; empty when valid. */
  public String error() {
    return error;
  }

  /** The expression tree; empty when invalid. */
  public Optional<Node> root() {
    return Optional.ofNullable(root);
  }

  /** The normalised expression text; empty when invalid. */
  public Optional<String> normalized() {
    return root == null ? Optional.empty() : Optional.of(render(root));
  }

  /**
   * The licence ids in order of appearance, without duplicates: {@code X-or-later} for a GNU
   * {@code X+}, {@code X+} kept for others, exceptions left out. Empty when invalid.
   */
  public List<String> licenseIds() {
    Set<String> out = new LinkedHashSet<>();
    collect(root, out, false);
    return List.copyOf(out);
  }

  /** The exception ids in order of appearance, without duplicates. */
  public List<String> exceptionIds() {
    Set<String> out = new LinkedHashSet<>();
    collect(root, out, true);
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return isValid() ? render(root) : "invalid(" + error + "): " + input;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpdxExpression other && toString().equals(other.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }

  /** The text of {@code id} as written in an expression: {@code X+} when orLater. */
  static String idText(Id id) {
    return id.id() + (id.orLater() ? "+" : "");
  }

  private static void collect(Node n, Set<String> out, boolean exceptions) {
    if (n == null) {
      return;
    }
    if (n instanceof Id id) {
      if (!exceptions) {
        out.add(idText(id));
      }
    } else if (n instanceof With w) {
      out.add(exceptions ? w.exception() : idText(w.license()));
    } else if (n instanceof And a) {
      a.terms().forEach(t -> collect(t, out, exceptions));
    } else if (n instanceof Or o) {
      o.terms().forEach(t -> collect(t, out, exceptions));
    }
  }

  private static String render(Node n) {
    if (n instanceof Id id) {
      return idText(id);
    } else if (n instanceof With w) {
      return idText(w.license()) + " WITH " + w.exception();
    } else if (n instanceof And a) {
      return join(a.terms(), " AND ", true);
    }
    return join(((Or) n).terms(), " OR ", false);
  }

  private static String join(List<Node> terms, String op, boolean inAnd) {
    StringBuilder sb = new StringBuilder();
    for (Node t : terms) {
      if (sb.length() > 0) {
        sb.append(op);
      }
      boolean paren = t instanceof Or || (t instanceof And && !inAnd);
      sb.append(paren ? "(" : "").append(render(t)).append(paren ? ")" : "");
    }
    return sb.toString();
  }

  private static void addFlattened(List<Node> out, Node n, Class<?> op) {
    if (op.isInstance(n)) {
      ((And) n).terms().forEach(out::add);
    } else {
      out.add(n);
    }
  }

  // ---- tokenizer and recursive-descent parser -------------------------------------------------

  private static final class ParseError extends Exception {
    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  private static List<String> tokenize(String s) throws ParseError {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '(' || c == ')') {
        out.add(String.valueOf(c));
        i++;
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '(' && s.charAt(j) != ')') {
          j++;
        }
        String tok = s.substring(i, j);
        if (!TOKEN_CHARS.matcher(tok).matches()) {
          throw new ParseError("invalid characters in '" + tok + "'");
        }
        out.add(tok);
        i = j;
      }
    }
    return out;
  }

  private static final class Parser {
    final List<String> tokens;
    int pos;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean peekOp(String op) {
      return pos < tokens.size() && tokens.get(pos).equalsIgnoreCase(op);
    }

    Node orExpr() throws ParseError {
      List<Node> terms = new ArrayList<>();
      terms.add(andExpr());
      while (peekOp("OR")) {
        pos++;
        terms.add(andExpr());
      }
      return terms.size() == 1 ? terms.get(0) : new Or(flatten(terms, Or.class));
    }

    Node andExpr() throws ParseError {
      List<Node> terms = new ArrayList<>();
      terms.add(withExpr());
      while (peekOp("AND")) {
        pos++;
        terms.add(withExpr());
      }
      return terms.size() == 1 ? terms.get(0) : new And(flatten(terms, And.class));
    }

    Node withExpr() throws ParseError {
      Node n = primary();
      if (peekOp("WITH")) {
        pos++;
        if (pos >= tokens.size()) {
          throw new ParseError("exception id missing after WITH");
        }
        String exc = tokens.get(pos++);
        Optional<String> canon = SpdxLicenseList.get().exceptionId(exc);
        if (canon.isEmpty() && !REF.matcher(exc.replace("AdditionRef-", "LicenseRef-")).matches()) {
          throw new ParseError("unknown exception id '" + exc + "'");
        }
        if (n instanceof Id id) {
          return new With(id, canon.orElse(exc));
        }
        if (n instanceof With) {
          throw new ParseError("WITH applied twice");
        }
        throw new ParseError("WITH must follow a licence id, not a parenthesised expression");
      }
      return n;
    }

    Node primary() throws ParseError {
      if (pos >= tokens.size()) {
        throw new ParseError("expression ends where a licence id was expected");
      }
      String t = tokens.get(pos++);
      if (t.equals("(")) {
        Node n = orExpr();
        if (pos >= tokens.size() || !tokens.get(pos).equals(")")) {
          throw new ParseError("missing ')'");
        }
        pos++;
        return n;
      }
      if (t.equals(")") || t.equalsIgnoreCase("AND") || t.equalsIgnoreCase("OR") || t.equalsIgnoreCase("WITH")) {
        throw new ParseError("'" + t + "' where a licence id was expected");
      }
      return licenseId(t);
    }

    private static ImmutableList<Node> flatten(List<Node> terms, Class<?> op) {
      ImmutableList.Builder<Node> b = ImmutableList.builder();
      for (Node n : terms) {
        if (op == And.class && n instanceof And a) {
          b.addAll(a.terms());
        } else if (op == Or.class && n instanceof Or o) {
          b.addAll(o.terms());
        } else {
          b.add(n);
        }
      }
      return b.build();
    }
  }

  /** One id token (maybe with trailing +) to its node, deprecated ids replaced. */
  private static Node licenseId(String token) throws ParseError {
    if (REF.matcher(token).matches()) {
      return new Id(token, false);
    }
    boolean plus = token.endsWith("+");
    String base = plus ? token.substring(0, token.length() - 1) : token;
    if (base.isEmpty() || base.contains("+")) {
      throw new ParseError("misplaced '+' in '" + token + "'");
    }
    String lower = base.toLowerCase(Locale.ROOT);
    String replacement = DEPRECATED.get(lower);
    if (replacement != null && !plus) {
      Node n = parse(replacement).root;
      return requireNonNull(n, replacement);
    }
    String family = lower.replaceAll("-(only|or-later)$", "");
    if (GNU_FAMILIES.contains(family)) {
      String canonFamily = SpdxLicenseList.get().licenseId(family).orElse(base);
      boolean orLater = plus || lower.endsWith("-or-later");
      return new Id(canonFamily + (orLater ? "-or-later" : "-only"), false);
    }
    Optional<String> canon = SpdxLicenseList.get().licenseId(base);
    if (canon.isEmpty()) {
      throw new ParseError("unknown licence id '" + base + "'");
    }
    return new Id(canon.get(), plus);
  }
}
