package io.segmented.engine.data;

/** A seed script failed; the message is {@code file:line: <database error>}. */
public final class SeedException extends Exception {

  private static final long serialVersionUID = 1L;

  public SeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
