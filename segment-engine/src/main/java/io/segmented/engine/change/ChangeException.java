package io.segmented.engine.change;

/**
 * The changes since a git ref cannot be known: the module is not in a git repository, the ref does
 * not exist, or the clone's history does not reach it. The message names the ref and the
 * repository, and says how to fix it. The user's request must change, not the environment.
 */
public final class ChangeException extends Exception {

  private static final long serialVersionUID = 1L;

  public ChangeException(String message) {
    super(message);
  }

  public ChangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
