package io.segmented.engine;

/**
 * The manifest is valid but asks for something this version cannot run, such as a fixture kind it
 * does not start yet: the user's project must change, not the environment. Thrown before anything
 * starts.
 */
public final class UnsupportedManifestException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnsupportedManifestException(String message) {
    super(message);
  }
}
