package org.provenant.filters.web;

import static org.provenant.filters.step.ParamSpec.Type.BOOLEAN;
import static org.provenant.filters.step.ParamSpec.Type.STRING;
import static org.provenant.filters.step.ParamSpec.Type.STRING_LIST;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.ParamSpec;
import org.provenant.filters.step.StepFactory;
import org.provenant.filters.step.StepFiles;
import org.provenant.filters.step.StepParams;

/** Catalogue entries of the web steps: {@code url_filter}, {@code pii} and {@code optout}. */
public final class WebSteps {
  private WebSteps() {}

  /** The factories, in the order {@code ./provenant steps} lists them. */
  public static List<StepFactory> all() {
    return List.of(new UrlFilterFactory(), new PiiFactory(), new OptOutFactory());
  }

  private abstract static class Factory implements StepFactory {
    @Override
    public java.util.Set<org.provenant.schemas.Kind> kinds() {
      return PROSE;
    }

    @Override
    public String toString() {
      return "StepFactory[" + name() + "]";
    }
  }

  private static final class UrlFilterFactory extends Factory {
    @Override
    public String name() {
      return "url_filter";
    }

    @Override
    public String description() {
      return "URL block-lists from files and inline; drops " + UrlFilter.BLOCKED_DOMAIN + ", "
          + UrlFilter.BLOCKED_URL + ", " + UrlFilter.BLOCKED_URL_WORD + " with the matched rule and its file:line";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(
          new ParamSpec("domain_files", STRING_LIST, List.of(), "files of blocked domains, one per line (subdomains blocked too)"),
          new ParamSpec("domains", STRING_LIST, List.of(), "blocked domains given inline"),
          new ParamSpec("url_files", STRING_LIST, List.of(), "files of blocked URLs, one per line"),
          new ParamSpec("urls", STRING_LIST, List.of(), "blocked URLs given inline"),
          new ParamSpec("url_words", STRING_LIST, List.of(), "case-insensitive words that block a URL containing them"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      try {
        return UrlFilter.of(
            StepFiles.files(name(), "domain_files", p.getStringList("domain_files")), p.getStringList("domains"),
            StepFiles.files(name(), "url_files", p.getStringList("url_files")), p.getStringList("urls"),
            p.getStringList("url_words"));
      } catch (IOException e) {
        throw new IllegalArgumentException("step url_filter: " + e.getMessage());
      }
    }
  }

  private static final class PiiFactory extends Factory {
    @Override
    public String name() {
      return "pii";
    }

    @Override
    public String description() {
      return "replaces e-mail and public IP addresses by placeholders; counts (never values) in lineage and signals.pii; never drops";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(
          new ParamSpec("email_replacement", STRING, PiiReplacer.DEFAULT_EMAIL_REPLACEMENT, "text put in place of an e-mail address"),
          new ParamSpec("ip_replacement", STRING, PiiReplacer.DEFAULT_IP_REPLACEMENT, "text put in place of an IP address"),
          new ParamSpec("replace_private_ips", BOOLEAN, false, "also replace private, loopback and documentation addresses"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      return new PiiReplacer(p.getString("email_replacement"), p.getString("ip_replacement"), p.getBoolean("replace_private_ips"));
    }
  }

  private static final class OptOutFactory extends Factory {
    @Override
    public String name() {
      return "optout";
    }

    @Override
    public String description() {
      return "AI-training opt-out policy (X-Robots-Tag/meta noai, TDMRep, Content-Usage, robots.txt of AI agents); drops optout_<signal>";
    }

    @Override
    public List<ParamSpec> params() {
      return List.of(
          new ParamSpec("signals", STRING_LIST, List.copyOf(OptOutStep.DEFAULT_REJECTING),
              "signals that reject a page when they reserve it, of " + OptOutStep.KNOWN),
          new ParamSpec("robots_warcs", STRING_LIST, List.of(), "the crawl's robots.txt WARC files (paths or globs)"),
          new ParamSpec("robots_wildcard", BOOLEAN, false, "also count a User-agent: * disallow as an AI opt-out"));
    }

    @Override
    public DocumentStep create(StepParams p) {
      List<String> warcs = StepFiles.files(name(), "robots_warcs", p.getStringList("robots_warcs"));
      RobotsIndex robots = null;
      if (!warcs.isEmpty()) {
        try {
          robots = RobotsIndex.load(warcs);
        } catch (IOException e) {
          throw new UncheckedIOException("step optout: " + e.getMessage(), e);
        }
      }
      try {
        return new OptOutStep(p.getStringList("signals"), robots, p.getBoolean("robots_wildcard"));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("step optout, parameter signals: " + e.getMessage());
      }
    }
  }
}
