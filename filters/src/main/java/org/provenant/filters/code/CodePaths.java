package org.provenant.filters.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Path helpers for entries inside a package: normalising, and the safety check on the way. */
public final class CodePaths {
  private CodePaths() {}

  /** Why a raw entry name cannot be used as a path inside the package, or null when it can. */
  static String unsafeReason(String raw) {
    if (raw.isEmpty()) {
      return "empty entry name";
    }
    if (raw.indexOf('\0') >= 0) {
      return "entry name holds a NUL character";
    }
    String p = raw.replace('\\', '/');
    if (p.startsWith("/")) {
      return "absolute path";
    }
    if (p.length() >= 2 && p.charAt(1) == ':' && Character.isLetter(p.charAt(0))) {
      return "absolute path with a drive letter";
    }
    for (String seg : p.split("/")) {
      if (seg.equals("..")) {
        return "path escapes the package root through ..";
      }
    }
    return null;
  }

  /**
   * The normalised path of a safe entry name: backslashes as slashes, no empty or {@code .}
   * segments, no trailing slash. Nothing is stripped otherwise ({@code package/} stays).
   */
  static String normalise(String raw) {
    List<String> out = new ArrayList<>();
    for (String seg : raw.replace('\\', '/').split("/")) {
      if (!seg.isEmpty() && !seg.equals(".")) {
        out.add(seg);
      }
    }
    return String.join("/", out);
  }

  /** The last segment of a path. */
  public static String fileName(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** How many directories a path has above its file: 0 for {@code a.txt}, 1 for {@code x/a.txt}. */
  public static int depth(String path) {
    int n = 0;
    for (int i = 0; i < path.length(); i++) {
      if (path.charAt(i) == '/') {
        n++;
      }
    }
    return n;
  }

  /** The lower-cased extension after the last dot of the file name, or "" (a leading dot is no extension). */
  public static String extension(String path) {
    String name = fileName(path);
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
