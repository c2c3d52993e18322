package io.segmented.engine.plan;

import io.segmented.engine.EngineException;
import io.segmented.engine.InputException;
import io.segmented.engine.RunRequest;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    StringBuilder names = new StringBuilder();
    for (FixtureSpec f : fixtures) {
      names
          .append(names.length() == 0 ? "" : ", ")
          .append('\'')
          .append(f.id())
          .append("' (")
          .append(f.kind().key())
          .append(')');
    }
    throw new EngineException(
        "No Docker engine reachable ("
            + where
            + "). Fixtures that need one in "
            + request.manifest().file()
            + ": "
            + names
            + ". Start Docker, or set DOCKER_HOST to a reachable engine"
            + (fixtures.stream().anyMatch(f -> f.kind().key().equals("postgres"))
                ? ", or set 'provider: embedded' (or auto) on the postgres fixtures"
                : "")
            + ". Nothing was started");
  }
}
