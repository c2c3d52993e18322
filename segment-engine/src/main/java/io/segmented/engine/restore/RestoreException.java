package io.segmented.engine.restore;

/** A fixture's data could not be snapshot or restored: the segment is a FIXTURE-ERROR. */
public final class RestoreException extends Exception {

  private static final long serialVersionUID = 1L;

  public RestoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
