package io.segmented.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunChecksTest {

  @TempDir Path dir;

  private Manifest manifest(String fixtures) throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        "version: 1\nfixtures:\n"
            + fixtures
            + "segments:\n  s:\n    boundary: {between: [a, b], tests: {classes: ['*IT']}}\n");
    return new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
  }

  @Test
  void theNoDockerHintNamesEveryKindThatHasAnEmbeddedProvider() throws Exception {
    Manifest m =
        manifest(
            "  web: {container: {image: 'web:1'}}\n"
                + "  db: {postgres: {}}\n"
                + "  stubs: {wiremock: {}}\n"
                + "  cache: {redis: {}}\n");

    assertEquals(
        "No Docker engine reachable (DOCKER_HOST unset, /var/run/docker.sock missing). Fixtures that"
            + " need one in "
            + m.file()
            + ": 'web' (container), 'db' (postgres), 'stubs' (wiremock), 'cache' (redis). Start"
            + " Docker, or set DOCKER_HOST to a reachable engine, or set 'provider: embedded' (or"
            + " auto) on the postgres and wiremock fixtures. Nothing was started",
        RunChecks.noDocker(
            "DOCKER_HOST unset, /var/run/docker.sock missing",
            m.file(),
            List.copyOf(m.fixtures().values())));
  }

  @Test
  void withoutSuchKindsTheHintOnlySaysToStartDocker() throws Exception {
    Manifest m = manifest("  cache: {redis: {}}\n");

    assertEquals(
        "No Docker engine reachable (DOCKER_HOST=tcp://10.0.0.9:2375 not answering). Fixtures that"
            + " need one in "
            + m.file()
            + ": 'cache' (redis). Start Docker, or set DOCKER_HOST to a reachable engine. Nothing"
            + " was started",
        RunChecks.noDocker(
            "DOCKER_HOST=tcp://10.0.0.9:2375 not answering",
            m.file(),
            List.copyOf(m.fixtures().values())));
  }
}
