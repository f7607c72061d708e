package org.provenant.schemas;

/** What a document is: a web page, a source file, or plain text from a text dataset. */
public enum Kind {
  WEB("web"),
  CODE("code"),
  TEXT("text");

  private final String code;

  Kind(String code) {
    this.code = code;
  }

  /** The value written in the {@code kind} column. */
  public String code() {
    return code;
  }

  /** Parses a {@code kind} column value. */
  public static Kind fromCode(String code) {
    for (Kind k : values()) {
      if (k.code.equals(code)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown kind: " + code);
  }
}
