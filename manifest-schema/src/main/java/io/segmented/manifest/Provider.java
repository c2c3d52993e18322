package io.segmented.manifest;

/** How a typed fixture is provided. */
public enum Provider {
  /** A container through Testcontainers (the default). */
  CONTAINER,
  /** In the build's own machine, with no Docker. */
  EMBEDDED,
  /** A container when a Docker engine is reachable, else embedded. */
  AUTO
}
