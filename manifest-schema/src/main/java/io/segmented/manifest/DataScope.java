package io.segmented.manifest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The data a segment keeps in one of its fixtures.
 *
 * @param fixtureId the fixture the data lives in
 * @param seed scripts run in order into the segment's own database, resolved against the module
 *     directory
 * @param scope how often the seeded state is restored
 * @param resetCommand for generic fixtures: the command run at each scope start; empty otherwise
 * @param resetTimeout how long the reset command may run before it is stopped and the segment fails
 */
public record DataScope(
    String fixtureId,
    List<Path> seed,
    Scope scope,
    List<String> resetCommand,
    Duration resetTimeout) {

  /** How long a reset command may run when the manifest sets no {@code timeout}. */
  public static final Duration DEFAULT_RESET_TIMEOUT = Duration.ofMinutes(1);

  public DataScope {
    seed = List.copyOf(seed);
    resetCommand = List.copyOf(resetCommand);
  }

  /** How often the seeded state is restored. */
  public enum Scope {
    /** Seeded once, shared by all tests of the segment (the default). */
    SEGMENT,
    /** Restored before each test class. */
    CLASS,
    /** Restored before each test method. */
    TEST
  }
}
