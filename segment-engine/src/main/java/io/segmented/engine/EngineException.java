package io.segmented.engine;

/**
 * The environment or the plugin broke, not the user's tests: no Docker engine, a folder that cannot
 * be written. The message says what and how to fix it.
 */
public final class EngineException extends Exception {

  private static final long serialVersionUID = 1L;

  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
