package org.provenant.filters.web;

import static java.util.Objects.requireNonNull;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Pattern;
import org.provenant.filters.step.DocumentStep;
import org.provenant.filters.step.Outcome;
import org.provenant.schemas.Document;
import org.provenant.schemas.LineageEntry;
import org.provenant.schemas.Signals.PiiCounts;

/**
 * Replaces e-mail addresses and public IP addresses in a document's text by fixed placeholders,
 * and records how many of each it replaced (never the values) in the lineage and in {@code
 * signals.pii}. E-mail addresses are found by scanning around each {@code @} (linear time on any
 * input, unlike a backtracking regex); IPv4 and IPv6 literals are replaced only when they are
 * globally routable: private, loopback, link-local, multicast, unspecified and documentation
 * ranges stay, as they identify nobody (set {@code replacePrivate} to replace them too).
 */
public final class PiiReplacer implements DocumentStep {
  private static final long serialVersionUID = 1L;
  public static final String STEP_ID = "pii@1";
  public static final String DEFAULT_EMAIL_REPLACEMENT = "email@example.com";
  /** An address of TEST-NET-1 (RFC 5737), which never identifies a host. */
  public static final String DEFAULT_IP_REPLACEMENT = "192.0.2.1";

  private static final Pattern IPV4 = Pattern.compile("(?:\\d{1,3}\\.){3}\\d{1,3}");

  private final String emailReplacement;
  private final String ipReplacement;
  private final boolean replacePrivate;

  public PiiReplacer(String emailReplacement, String ipReplacement, boolean replacePrivate) {
    this.emailReplacement = requireNonNull(emailReplacement, "email_replacement");
    this.ipReplacement = requireNonNull(ipReplacement, "ip_replacement");
    this.replacePrivate = replacePrivate;
  }

  @Override
  public String id() {
    return STEP_ID;
  }

  /** The text with addresses replaced, and the counts. */
  public record Result(String text, int emails, int ipAddresses) {}

  public Result replace(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int emails = replaceEmails(text, out);
    String afterEmails = out.toString();
    int[] ips = new int[1];
    return new Result(replaceIps(afterEmails, ips), emails, ips[0]);
  }

  @Override
  public Outcome apply(Document document) {
    Result r = replace(document.text());
    Document d = document.withSignals(document.signals().withPii(new PiiCounts(r.emails(), r.ipAddresses())));
    String detail = "emails=" + r.emails() + " ip_addresses=" + r.ipAddresses();
    if (r.emails() == 0 && r.ipAddresses() == 0) {
      return Outcome.keep(d.withStep(new LineageEntry(STEP_ID, LineageEntry.OK, detail)));
    }
    return Outcome.keep(d.withText(r.text()).withStep(new LineageEntry(STEP_ID, LineageEntry.MODIFIED, detail)));
  }

  private int replaceEmails(String s, StringBuilder out) {
    int count = 0;
    int copied = 0;
    int at = s.indexOf('@');
    while (at >= 0) {
      int start = at;
      while (start > copied && isLocalChar(s.charAt(start - 1))) {
        start--;
      }
      while (start < at && s.charAt(start) == '.') {
        start++;
      }
      int end = at + 1;
      int lastDot = -1;
      while (end < s.length() && isDomainChar(s.charAt(end))) {
        if (s.charAt(end) == '.') {
          lastDot = end;
        }
        end++;
      }
      // A trailing dot ends the sentence, not the domain.
      while (end > at + 1 && s.charAt(end - 1) == '.') {
        end--;
        lastDot = s.lastIndexOf('.', end - 1) > at ? s.lastIndexOf('.', end - 1) : -1;
      }
      if (start < at && lastDot > at + 1 && validTld(s, lastDot + 1, end)) {
        out.append(s, copied, start).append(emailReplacement);
        copied = end;
        count++;
        at = s.indexOf('@', end);
      } else {
        at = s.indexOf('@', at + 1);
      }
    }
    out.append(s, copied, s.length());
    return count;
  }

  private static boolean validTld(String s, int from, int to) {
    if (to - from < 2 || to - from > 63) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (!Character.isLetter(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLocalChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
        || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  }

  private static boolean isDomainChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }

  /**
   * Replaces IPv4 and IPv6 literals in one linear scan: a run of characters that can make up an
   * address ({@code 0-9 a-f A-F . :}) is cut out whole and checked, so nothing is tried at every
   * position of the text as a regular expression would.
   */
  private String replaceIps(String s, int[] count) {
    StringBuilder out = null;
    int copied = 0;
    int n = s.length();
    int i = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (!isAddressChar(c) || (i > 0 && isWordChar(s.charAt(i - 1)))) {
        i++;
        continue;
      }
      int end = i;
      int colons = 0;
      int dots = 0;
      while (end < n && isAddressChar(s.charAt(end))) {
        char x = s.charAt(end);
        if (x == ':') {
          colons++;
        } else if (x == '.') {
          dots++;
        }
        end++;
      }
      // a sentence's full stop or colon after an address is not part of it
      int tokenEnd = end;
      while (tokenEnd > i && (s.charAt(tokenEnd - 1) == '.' || s.charAt(tokenEnd - 1) == ':')
          && !(tokenEnd - 2 >= i && s.charAt(tokenEnd - 2) == ':' && s.charAt(tokenEnd - 1) == ':')) {
        tokenEnd--;
      }
      boolean followedByWord = end < n && isWordChar(s.charAt(end));
      if (!followedByWord && (colons >= 2 || dots == 3) && tokenEnd - i >= 2) {
        String literal = s.substring(i, tokenEnd);
        if (looksLikeAddress(literal) && shouldReplace(literal)) {
          if (out == null) {
            out = new StringBuilder(n);
          }
          out.append(s, copied, i).append(ipReplacement);
          copied = tokenEnd;
          count[0]++;
        }
      }
      i = end;
    }
    if (out == null) {
      return s;
    }
    return out.append(s, copied, n).toString();
  }

  private static boolean looksLikeAddress(String literal) {
    if (literal.indexOf(':') < 0) {
      return IPV4.matcher(literal).matches();
    }
    return true; // IPv6 (possibly with an embedded IPv4): InetAddresses decides
  }

  private static boolean isAddressChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  private boolean shouldReplace(String literal) {
    if (!InetAddresses.isInetAddress(literal)) {
      return false;
    }
    InetAddress a = InetAddresses.forString(literal);
    if (a instanceof Inet6Address && !literal.contains("::") && literal.chars().filter(ch -> ch == ':').count() < 7) {
      return false;
    }
    return replacePrivate || isGlobal(a);
  }

  /** Whether an address is globally routable (not private, loopback, link-local, multicast, documentation...). */
  static boolean isGlobal(InetAddress a) {
    if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
        || a.isSiteLocalAddress() || a.isMulticastAddress()) {
      return false;
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int o0 = b[0] & 0xff;
      int o1 = b[1] & 0xff;
      int o2 = b[2] & 0xff;
      return !(o0 == 0 || o0 >= 240 // this network; reserved and broadcast
          || (o0 == 100 && o1 >= 64 && o1 <= 127) // shared address space
          || (o0 == 192 && o1 == 0 && (o2 == 0 || o2 == 2)) // IETF, TEST-NET-1
          || (o0 == 198 && (o1 == 18 || o1 == 19)) // benchmarking
          || (o0 == 198 && o1 == 51 && o2 == 100) // TEST-NET-2
          || (o0 == 203 && o1 == 0 && o2 == 113)); // TEST-NET-3
    }
    int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    return !((w0 & 0xfe00) == 0xfc00 // unique local
        || (w0 == 0x2001 && w1 == 0x0db8)); // documentation
  }
}
