package io.segmented.manifest;

/** How long one instance of a fixture lives. */
public enum Reuse {
  /** A fresh instance for each segment that uses the fixture (the default). */
  SEGMENT,
  /** One instance for the whole run, shared by segments; data stays isolated per segment. */
  RUN
}
