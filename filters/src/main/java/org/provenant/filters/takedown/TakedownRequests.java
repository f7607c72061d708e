package org.provenant.filters.takedown;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a requests file: JSONL, one request per non-blank line, {@code {"request_id": "R-1",
 * "date": "2026-11-30", "url": "https://..."}} with exactly one of the keys {@code url}, {@code
 * url_prefix}, {@code domain}, {@code package} ({@code name} or {@code name/version}; a scoped npm
 * name {@code @scope/name/version}; or a separate {@code version} key), {@code document_id} or
 * {@code passage}. {@code request_id} is required and unique; {@code date} is optional. Any other
 * shape fails with the line number, so a request is never silently ignored.
 */
public final class TakedownRequests {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> KNOWN = Set.of("request_id", "date", "version", "url", "url_prefix", "domain", "package",
      "document_id", "passage");

  private TakedownRequests() {}

  public static List<TakedownRequest> parse(byte[] jsonl, String name) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(jsonl), StandardCharsets.UTF_8));
    List<TakedownRequest> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    String line;
    int lineNo = 0;
    while ((line = r.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String where = name + ":" + lineNo + ": ";
      JsonNode n;
      try {
        n = JSON.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IOException(where + "not JSON: " + e.getOriginalMessage(), e);
      }
      if (n == null || !n.isObject()) {
        throw new IOException(where + "not a JSON object");
      }
      for (var it = n.fieldNames(); it.hasNext(); ) {
        String k = it.next();
        if (!KNOWN.contains(k)) {
          throw new IOException(where + "unknown key \"" + k + "\"; known: request_id, date, and one of url, url_prefix, domain,"
              + " package (with version), document_id, passage");
        }
      }
      String id = text(n, "request_id");
      if (id == null || id.isBlank()) {
        throw new IOException(where + "request_id is required");
      }
      if (!ids.add(id)) {
        throw new IOException(where + "request_id " + id + " is given twice");
      }
      TakedownRequest.Selector selector = null;
      String value = null;
      for (TakedownRequest.Selector s : TakedownRequest.Selector.values()) {
        String v = text(n, s.key());
        if (v != null) {
          if (selector != null) {
            throw new IOException(where + "request " + id + " names both " + selector.key() + " and " + s.key() + "; one per line");
          }
          selector = s;
          value = v;
        }
      }
      if (selector == null || value.isBlank()) {
        throw new IOException(where + "request " + id + " names nothing to remove (url, url_prefix, domain, package, document_id or passage)");
      }
      String version = text(n, "version");
      if (version != null && selector != TakedownRequest.Selector.PACKAGE) {
        throw new IOException(where + "version goes with package only");
      }
      if (selector == TakedownRequest.Selector.PACKAGE && version == null) {
        int from = value.startsWith("@") ? value.indexOf('/') + 1 : 0;
        int slash = from == 0 && value.startsWith("@") ? -1 : value.indexOf('/', from);
        if (slash > 0) {
          version = value.substring(slash + 1);
          value = value.substring(0, slash);
        }
      }
      out.add(new TakedownRequest(id, text(n, "date"), selector, value.strip(), version == null || version.isBlank() ? null : version.strip()));
    }
    return out;
  }

  private static String text(JsonNode n, String key) {
    JsonNode v = n.get(key);
    return v == null || v.isNull() ? null : v.asText();
  }
}
