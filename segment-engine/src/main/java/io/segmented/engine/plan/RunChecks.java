package io.segmented.engine.plan;

import io.segmented.engine.EngineException;
import io.segmented.engine.InputException;
import io.segmented.engine.RunRequest;
import io.segmented.engine.fixture.Kinds;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.Provider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a run checks before it starts anything, each failing with what is wrong and how to fix it.
 */
public final class RunChecks {

  private RunChecks() {}

  /** A fixture the run shares outlives every segment, so it cannot depend on one that does not. */
  public static void sharedDependencies(List<FixtureSpec> fixtures, Manifest manifest)
      throws InputException {
    List<String> problems = new ArrayList<>();
    for (FixtureSpec f : fixtures) {
      if (!SharedFixtures.shares(f)) {
        continue;
      }
      for (String dep : f.dependsOn()) {
        if (!SharedFixtures.shares(manifest.fixture(dep))) {
          problems.add(
              "fixture '"
                  + f.id()
                  + "' has 'reuse: run' but depends on '"
                  + dep
                  + "', which each segment starts anew. Give '"
                  + dep
                  + "' 'reuse: run' too, or remove 'reuse: run' from '"
                  + f.id()
                  + "'");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InputException(manifest.file(), String.join("\n", problems));
    }
  }

  /**
   * No Docker engine answers, yet {@code fixtures} need one: says where it looked and what to do.
   */
  public static void docker(RunRequest request, List<FixtureSpec> fixtures) throws EngineException {
    String dockerHost = System.getenv("DOCKER_HOST");
    String where =
        dockerHost == null
            ? "DOCKER_HOST unset, /var/run/docker.sock "
                + (Files.exists(Path.of("/var/run/docker.sock")) ? "not answering" : "missing")
            : "DOCKER_HOST=" + dockerHost + " not answering";
    throw new EngineException(noDocker(where, request.manifest().file(), fixtures));
  }

  /**
   * The message of {@link #docker}: where it looked, the fixtures that need an engine, and the ways
   * out, naming {@code provider: embedded} for the kinds of those fixtures that have one.
   */
  static String noDocker(String where, Path manifest, List<FixtureSpec> fixtures) {
    StringBuilder names = new StringBuilder();
    Set<String> embeddable = new LinkedHashSet<>();
    for (FixtureSpec f : fixtures) {
      names
          .append(names.length() == 0 ? "" : ", ")
          .append('\'')
          .append(f.id())
          .append("' (")
          .append(f.kind().key())
          .append(')');
      if (Kinds.of(f.kind()).resolve(Optional.of(Provider.EMBEDDED), () -> false)
          == Provider.EMBEDDED) {
        embeddable.add(f.kind().key());
      }
    }
    return "No Docker engine reachable ("
        + where
        + "). Fixtures that need one in "
        + manifest
        + ": "
        + names
        + ". Start Docker, or set DOCKER_HOST to a reachable engine"
        + (embeddable.isEmpty()
            ? ""
            : ", or set 'provider: embedded' (or auto) on the "
                + String.join(" and ", embeddable)
                + " fixtures")
        + ". Nothing was started";
  }
}
