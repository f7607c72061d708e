package org.provenant.filters.web;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.provenant.schemas.Signals.OptOutSignal;

/**
 * One site's robots.txt (RFC 9309), read for what it says to AI crawlers: which named AI user
 * agents (GPTBot, CCBot, Google-Extended, ClaudeBot, ...) may not fetch a given path. Groups are
 * matched by product token, case-insensitively; within a group the longest matching rule wins and
 * {@code Allow} wins a tie; {@code *} and a final {@code $} work as in the RFC. Only groups that
 * name an agent count as a reservation against it; the {@code *} group is a general crawl rule,
 * consulted only when asked to ({@code includeWildcard}).
 */
public final class RobotsTxt implements Serializable {
  private static final long serialVersionUID = 1L;

  /** AI crawlers whose robots.txt groups count as an opt-out from AI training. */
  public static final List<String> AI_AGENTS = List.of(
      "GPTBot", "ChatGPT-User", "OAI-SearchBot", "CCBot", "Google-Extended", "ClaudeBot",
      "Claude-Web", "anthropic-ai", "PerplexityBot", "Applebot-Extended", "Bytespider",
      "meta-externalagent", "Amazonbot", "cohere-ai", "Diffbot", "FacebookBot", "ImagesiftBot",
      "Omgilibot", "Timpibot", "YouBot", "AI2Bot", "Ai2Bot-Dolma", "DeepSeekBot", "MistralAI-User");

  static final Set<String> AI_AGENTS_LOWER =
      AI_AGENTS.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

  /** Most bytes of a robots.txt read, as RFC 9309 allows parsers to cap (500 KiB). */
  public static final int MAX_BYTES = 500 * 1024;

  private final Map<String, List<Rule>> rulesByAgent;

  private RobotsTxt(Map<String, List<Rule>> rulesByAgent) {
    this.rulesByAgent = rulesByAgent;
  }

  /** One Allow or Disallow line. */
  record Rule(boolean allow, String pattern, String line) implements Serializable {}

  /** Parses a robots.txt; lines it does not understand are ignored, as the RFC says. */
  public static RobotsTxt parse(String text) {
    Map<String, List<Rule>> byAgent = new LinkedHashMap<>();
    List<String> groupAgents = new ArrayList<>();
    boolean inRules = false;
    String body = text.length() > MAX_BYTES ? text.substring(0, MAX_BYTES) : text;
    for (String raw : body.split("\r\n|\r|\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "user-agent" -> {
          if (inRules) {
            groupAgents = new ArrayList<>();
            inRules = false;
          }
          String agent = value.split("[\\s/]", 2)[0].toLowerCase(Locale.ROOT);
          groupAgents.add(agent);
          byAgent.computeIfAbsent(agent, a -> new ArrayList<>());
        }
        case "allow", "disallow" -> {
          inRules = true;
          if (value.isEmpty()) {
            continue; // "Disallow:" with nothing allows everything: no rule.
          }
          Rule r = new Rule(key.equals("allow"), value, line);
          for (String a : groupAgents) {
            byAgent.get(a).add(r);
          }
        }
        default -> {
          // sitemap, crawl-delay and the like end nothing and say nothing about AI use.
        }
      }
    }
    Map<String, List<Rule>> frozen = new LinkedHashMap<>();
    byAgent.forEach((k, v) -> frozen.put(k, ImmutableList.copyOf(v)));
    return new RobotsTxt(frozen);
  }

  /**
   * One {@code robots_txt} signal per AI agent this file forbids {@code path} (path and query of
   * the page URL) to, with the agent and the deciding rule as its value, such as {@code GPTBot:
   * Disallow: /}.
   */
  public List<OptOutSignal> aiReservations(String path, boolean includeWildcard) {
    String p = path == null || path.isEmpty() ? "/" : path;
    List<OptOutSignal> out = new ArrayList<>();
    for (Map.Entry<String, List<Rule>> e : rulesByAgent.entrySet()) {
      String agent = e.getKey();
      boolean counts = AI_AGENTS_LOWER.contains(agent) || (includeWildcard && agent.equals("*"));
      if (!counts) {
        continue;
      }
      Rule decisive = decide(e.getValue(), p);
      if (decisive != null && !decisive.allow()) {
        out.add(new OptOutSignal(OptOutDetector.ROBOTS_TXT, "robots_txt", displayName(agent) + ": " + decisive.line(), true));
      }
    }
    return out;
  }

  private static String displayName(String lowerAgent) {
    for (String a : AI_AGENTS) {
      if (a.toLowerCase(Locale.ROOT).equals(lowerAgent)) {
        return a;
      }
    }
    return lowerAgent;
  }

  /** The longest rule that matches, Allow winning a tie; null when none matches. */
  static Rule decide(List<Rule> rules, String path) {
    Rule best = null;
    int bestLength = -1;
    for (Rule r : rules) {
      if (matches(r.pattern(), path)) {
        int len = r.pattern().length();
        if (len > bestLength || (len == bestLength && r.allow() && !best.allow())) {
          best = r;
          bestLength = len;
        }
      }
    }
    return best;
  }

  /**
   * RFC 9309 path matching: prefix match, {@code *} any run of characters, final {@code $} end.
   * Dynamic programming over pattern and path, so hostile patterns with many stars stay linear in
   * their product.
   */
  static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String pat = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    int n = path.length();
    // reach[j]: the pattern read so far can end exactly at path position j.
    boolean[] reach = new boolean[n + 1];
    reach[0] = true;
    for (int i = 0; i < pat.length(); i++) {
      char c = pat.charAt(i);
      boolean[] next = new boolean[n + 1];
      if (c == '*') {
        boolean any = false;
        for (int j = 0; j <= n; j++) {
          any |= reach[j];
          next[j] = any;
        }
      } else {
        for (int j = 0; j < n; j++) {
          next[j + 1] = reach[j] && path.charAt(j) == c;
        }
      }
      reach = next;
    }
    if (anchored) {
      return reach[n];
    }
    for (boolean r : reach) {
      if (r) {
        return true;
      }
    }
    return false;
  }
}
