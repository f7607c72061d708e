package org.provenant.filters.license.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An SPDX licence expression reader written apart from the code it judges ({@code LicenseNames},
 * {@code SpdxExpression}): the grammar of SPDX spec annex D (precedence WITH, then AND, then OR;
 * operators upper case, as npm's {@code spdx-expression-parse} reads them) and, when built {@link
 * #strict}, the ids of the SPDX list as the npm packages {@code spdx-license-ids} (current and
 * deprecated) and {@code spdx-exceptions} ship them. {@link #lenient} reads any well-formed id,
 * for the answers being judged.
 *
 * <p>The canonical form sorts and flattens AND and OR operands, writes ids in the list's case, and
 * reads the deprecated bare GNU ids as SPDX replaces them ({@code GPL-2.0} is {@code GPL-2.0-only},
 * {@code GPL-2.0+} {@code GPL-2.0-or-later}). Immutable.
 */
public final class IndependentSpdx {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9.\\-]+");
  private static final Pattern REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.\\-]+:)?LicenseRef-[A-Za-z0-9.\\-]+");
  private static final Pattern GNU_BARE = Pattern.compile("(A?GPL|LGPL|GFDL)-\\d\\.\\d");

  /** Lower-cased id to the list's spelling; null when lenient. */
  private final Map<String, String> licenses;
  private final Map<String, String> exceptions;

  private IndependentSpdx(Map<String, String> licenses, Map<String, String> exceptions) {
    this.licenses = licenses;
    this.exceptions = exceptions;
  }

  /** Ids must be on the lists: {@code spdx-license-ids}'s {@code index.json} and {@code deprecated.json}, {@code spdx-exceptions}'s {@code index.json}. */
  public static IndependentSpdx strict(Path licenseIdsDir, Path exceptionsDir) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, String> lic = new HashMap<>();
    for (String f : List.of("index.json", "deprecated.json")) {
      for (JsonNode n : json.readTree(licenseIdsDir.resolve(f).toFile())) {
        lic.put(n.asText().toLowerCase(Locale.ROOT), n.asText());
      }
    }
    Map<String, String> exc = new HashMap<>();
    for (String f : List.of("index.json", "deprecated.json")) {
      Path p = exceptionsDir.resolve(f);
      if (p.toFile().exists()) {
        for (JsonNode n : json.readTree(p.toFile())) {
          exc.put(n.asText().toLowerCase(Locale.ROOT), n.asText());
        }
      }
    }
    return new IndependentSpdx(Map.copyOf(lic), Map.copyOf(exc));
  }

  /** How many licence and exception ids a strict reader knows (0 when lenient). */
  public int[] listSizes() {
    return licenses == null ? new int[] {0, 0} : new int[] {licenses.size(), exceptions.size()};
  }

  /** Any well-formed id; for the answers being judged. */
  public static IndependentSpdx lenient() {
    return new IndependentSpdx(null, null);
  }

  /** The canonical form of {@code expression}, or empty when it is not a valid SPDX expression (here). */
  public Optional<String> canonical(String expression) {
    if (expression == null || expression.isBlank()) {
      return Optional.empty();
    }
    List<String> tokens = tokens(expression);
    if (tokens == null) {
      return Optional.empty();
    }
    Parser p = new Parser(tokens);
    Node root = p.or();
    return root != null && p.at == tokens.size() ? Optional.of(write(root, true)) : Optional.empty();
  }

  /** The licence ids of a canonical expression ({@code X WITH E} is one id). */
  public static Set<String> ids(String canonical) {
    Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (String t : canonical.replace(" WITH ", "_WITH_").replaceAll("[()]", " ").split("\\s+")) {
      if (!t.isEmpty() && !t.equals("AND") && !t.equals("OR")) {
        out.add(t.replace("_WITH_", " WITH "));
      }
    }
    return out;
  }

  private sealed interface Node permits Leaf, Op {}

  private record Leaf(String text) implements Node {}

  private record Op(String op, List<Node> terms) implements Node {}

  /** Operands of one operator flattened into it (A OR (B OR C) is A OR B OR C), sorted, without duplicates. */
  private static String write(Node n, boolean top) {
    if (n instanceof Leaf l) {
      return l.text();
    }
    Op o = (Op) n;
    TreeSet<String> parts = new TreeSet<>(Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT)));
    flatten(o, o.op(), parts);
    if (parts.size() == 1) {
      return parts.first();
    }
    String joined = String.join(" " + o.op() + " ", parts);
    return top ? joined : "(" + joined + ")";
  }

  private static void flatten(Node n, String op, Set<String> parts) {
    if (n instanceof Op o && o.op().equals(op)) {
      o.terms().forEach(t -> flatten(t, op, parts));
    } else {
      parts.add(write(n, false));
    }
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '(' || c == ')' || Character.isWhitespace(c)) {
        if (cur.length() > 0) {
          out.add(cur.toString());
          cur.setLength(0);
        }
        if (!Character.isWhitespace(c)) {
          out.add(String.valueOf(c));
        }
      } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '+' || c == ':')) {
        cur.append(c);
      } else {
        return null;
      }
    }
    if (cur.length() > 0) {
      out.add(cur.toString());
    }
    return out;
  }

  /** Recursive descent: or := and ("OR" and)*, and := term ("AND" term)*, term := "(" or ")" | licence ["WITH" exception]. */
  private final class Parser {
    private final List<String> t;
    private int at;

    Parser(List<String> t) {
      this.t = t;
    }

    private String peek() {
      return at < t.size() ? t.get(at) : null;
    }

    Node or() {
      return sequence("OR", this::and);
    }

    Node and() {
      return sequence("AND", this::term);
    }

    private Node sequence(String op, java.util.function.Supplier<Node> operand) {
      List<Node> terms = new ArrayList<>();
      Node first = operand.get();
      if (first == null) {
        return null;
      }
      terms.add(first);
      while (op.equals(peek())) {
        at++;
        Node next = operand.get();
        if (next == null) {
          return null;
        }
        terms.add(next);
      }
      return terms.size() == 1 ? first : new Op(op, List.copyOf(terms));
    }

    Node term() {
      String tok = peek();
      if (tok == null || tok.equals(")")) {
        return null;
      }
      at++;
      if (tok.equals("(")) {
        Node inner = or();
        if (inner == null || !")".equals(peek())) {
          return null;
        }
        at++;
        return inner;
      }
      String lic = license(tok);
      if (lic == null) {
        return null;
      }
      if ("WITH".equals(peek())) {
        at++;
        String exc = exception(peek());
        if (exc == null || REF.matcher(lic).matches()) {
          return null;
        }
        at++;
        return new Leaf(lic + " WITH " + exc);
      }
      return new Leaf(lic);
    }
  }

  private String license(String tok) {
    boolean plus = tok.endsWith("+");
    String id = plus ? tok.substring(0, tok.length() - 1) : tok;
    if (REF.matcher(id).matches()) {
      return plus ? null : id;
    }
    if (!ID.matcher(id).matches() || id.equals("AND") || id.equals("OR") || id.equals("WITH")) {
      return null;
    }
    if (licenses != null) {
      id = licenses.get(id.toLowerCase(Locale.ROOT));
      if (id == null) {
        return null;
      }
    }
    if (GNU_BARE.matcher(id).matches()) {
      return id + (plus ? "-or-later" : "-only");
    }
    return id + (plus ? "+" : "");
  }

  private String exception(String tok) {
    if (tok == null || !ID.matcher(tok).matches()) {
      return null;
    }
    return exceptions == null ? tok : exceptions.get(tok.toLowerCase(Locale.ROOT));
  }

  /** The ids' families: version suffixes {@code -only}, {@code -or-later}, {@code +} dropped. */
  public static Set<String> families(Set<String> ids) {
    return ids.stream().map(i -> i.replaceAll("(-only|-or-later|\\+)(?= WITH |$)", ""))
        .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
  }
}
