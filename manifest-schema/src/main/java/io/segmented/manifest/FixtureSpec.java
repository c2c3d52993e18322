package io.segmented.manifest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fixture declared in the manifest: a real component or a realistic double, by id.
 *
 * @param id the fixture id; also its host name on the segment's network
 * @param kind what it starts, with the kind's own settings
 * @param reuse how long one instance lives
 * @param keep the manifest's {@code keep}: whether the fixture outlives the build with {@code
 *     -Dsegment.keep}; empty when the manifest does not say, and the kind's own rule decides
 * @param dependsOn fixtures started before this one
 * @param expose extra names under which tests see attributes; values may name attributes as {@code
 *     ${port}}
 * @param position where the fixture is declared
 */
public record FixtureSpec(
    String id,
    FixtureKind kind,
    Reuse reuse,
    Optional<Boolean> keep,
    List<String> dependsOn,
    Map<String, String> expose,
    Position position) {

  public FixtureSpec {
    dependsOn = List.copyOf(dependsOn);
    expose = Map.copyOf(expose);
  }
}
