package org.provenant.pipelines.cli;

/** A mistake the user can fix (bad option, missing input, non-empty output): one line, no stack trace. */
public final class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }
}
