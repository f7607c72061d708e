package org.provenant.filters.extract;

import static java.util.Objects.requireNonNull;

import java.util.OptionalLong;

/**
 * Thrown when a response body cannot be turned into text: its bytes are invalid in the charset
 * that was chosen, or no charset was declared and none could be detected. The message is a short
 * human detail such as {@code invalid UTF-8 at byte 1234 (charset from http-header)}; {@link
 * #reason()} is the stable code to count and route on.
 */
public final class DecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why decoding failed, with a short stable code for counters and rejection rows. */
  public enum Reason {
    /** The bytes do not decode in the chosen charset. */
    INVALID_BYTES("invalid_bytes"),
    /** Nothing declared a usable charset and detection found none either. */
    UNDETECTED_CHARSET("undetected_charset"),
    /**
     * The page is declared in a label of the WHATWG replacement encoding ({@code iso-2022-kr},
     * {@code hz-gb-2312}, ...), which browsers refuse to decode: it has no text.
     */
    REPLACEMENT_ENCODING("replacement_encoding");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    /** The stable reason code, e.g. {@code invalid_bytes}. */
    public String code() {
      return code;
    }
  }

  private final Reason reason;
  private final long byteOffset;

  /** A failure that is not tied to a byte position. */
  public DecodeException(Reason reason, String detail) {
    this(reason, detail, -1);
  }

  /** A failure at {@code byteOffset} in the body (pass -1 when there is no position). */
  public DecodeException(Reason reason, String detail, long byteOffset) {
    super(requireNonNull(detail, "detail"));
    this.reason = requireNonNull(reason, "reason");
    this.byteOffset = byteOffset;
  }

  public Reason reason() {
    return reason;
  }

  /** Offset in the original body of the first byte that did not decode, if there is one. */
  public OptionalLong byteOffset() {
    return byteOffset < 0 ? OptionalLong.empty() : OptionalLong.of(byteOffset);
  }
}
