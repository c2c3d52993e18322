package io.segmented.engine;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The user's input is wrong: the manifest asks for something this version cannot run, or a {@code
 * -D} value cannot be read. The message names what, where and how to fix it; the build fails as for
 * a failed test, not as for a broken environment. Thrown before anything starts.
 */
public final class InputException extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient Path file;

  /** A {@code -D} value is wrong; the message names the property. */
  public InputException(String message) {
    this(message, (Throwable) null);
  }

  /** A {@code -D} value is wrong; the message names the property. */
  public InputException(String message, Throwable cause) {
    super(message, cause);
    this.file = null;
  }

  /** {@code file} (the manifest) asks for what cannot be done. */
  public InputException(Path file, String message) {
    super(message);
    this.file = file;
  }

  /** The file that is wrong; empty when a {@code -D} value is. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /** The message, after the file when a file is wrong. */
  public String describe() {
    return file().map(f -> f + ": ").orElse("") + getMessage();
  }
}
