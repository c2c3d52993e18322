package io.segmented.engine.adopt;

import io.segmented.engine.fork.CompiledTests;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether {@code mvn verify} would run integration tests twice: once by failsafe, once by the
 * segments, when a module keeps failsafe bound beside the plugin's {@code integration-test}.
 */
public final class FailsafeOverlap {

  /** How many class names the warning lists before it only counts. */
  static final int SHOWN = 3;

  private FailsafeOverlap() {}

  /**
   * The warning, when failsafe is bound, the segments are bound ({@code segmentsBound}), and
   * failsafe's includes match classes that a segment selects (by class glob or package; segments
   * selecting by tag alone are left out, their classes are known only once loaded).
   *
   * @param classes the module's compiled top-level test classes
   */
  public static Optional<String> check(
      FailsafeConfig failsafe, boolean segmentsBound, Manifest manifest, List<String> classes) {
    if (!failsafe.bound() || !segmentsBound) {
      return Optional.empty();
    }
    FailsafePatterns patterns = failsafe.patterns();
    List<String> both =
        classes.stream()
            .filter(patterns::runs)
            .filter(c -> selectedByASegment(manifest, c))
            .toList();
    if (both.isEmpty()) {
      return Optional.empty();
    }
    String names =
        both.stream().limit(SHOWN).collect(Collectors.joining(", "))
            + (both.size() > SHOWN ? " and " + (both.size() - SHOWN) + " more" : "");
    return Optional.of(
        "maven-failsafe-plugin is bound too and runs "
            + both.size()
            + (both.size() == 1 ? " class" : " classes")
            + " that segments select ("
            + names
            + "), so `mvn verify` runs "
            + (both.size() == 1 ? "it" : "them")
            + " twice. Remove failsafe's <execution>, set <skipITs>true</skipITs> in its"
            + " <configuration>, or exclude these classes in its <excludes>");
  }

  private static boolean selectedByASegment(Manifest manifest, String className) {
    for (SegmentSpec s : manifest.segments().values()) {
      if (!CompiledTests.byTagsAlone(s.boundary().tests())
          && CompiledTests.selects(s.boundary().tests(), className)) {
        return true;
      }
    }
    return false;
  }
}
