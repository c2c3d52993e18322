package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.RunRequest;
import io.segmented.engine.fixture.KeptFixtures;
import io.segmented.engine.fixture.SharedFixtures;
import io.segmented.engine.plan.Plan;
import io.segmented.engine.plan.Planner;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which segments get a network of their own: those that start a container of their own that may
 * reach another container by fixture id.
 */
class SegmentOpeningTest {

  @TempDir Path dir;

  @Test
  void aSegmentOfSharedFixturesOrOfOneContainerGetsNoNetworkOneWithContainersThatMeetDoes()
      throws Exception {
    Manifest manifest =
        manifest(
            """
        version: 1
        fixtures:
          db: {postgres: {image: "pg:16", database: shop}, reuse: run}
          probe: {container: {image: "httpd:1", ports: [80]}, dependsOn: [db]}
          web: {container: {image: "httpd:1", ports: [80]}}
          cache: {redis: {image: "redis:7"}}
          local: {postgres: {provider: embedded}}
        segments:
          orders:
            boundary: {between: [shop, db], tests: {classes: ["*AIT"]}}
            fixtures: [db]
          reports:
            boundary: {between: [shop, db], tests: {classes: ["*BIT"]}}
            fixtures: [db]
          probed:
            boundary: {between: [shop, probe], tests: {classes: ["*CIT"]}}
            fixtures: [probe]
          alone:
            boundary: {between: [shop, web], tests: {classes: ["*DIT"]}}
            fixtures: [web, local]
          pair:
            boundary: {between: [shop, web], tests: {classes: ["*EIT"]}}
            fixtures: [web, cache]
        """);
    Plan plan =
        Planner.plan(
            RunRequest.builder("m", dir, manifest).runOrder("manifest").build(), Fakes.docker());
    // the shared db depends on nothing: the run makes no network for it
    assertFalse(plan.sharedNetwork());
    Fakes fakes = new Fakes();
    Ports ports = new Ports(fakes.fixtures(), fakes.jvmLauncher(), fakes.janitor());
    KeptFixtures kept = new KeptFixtures(dir, Optional.empty(), "run");
    SharedFixtures shared =
        new SharedFixtures(
            "run",
            dir.resolve("logs"),
            plan.sharedUsers(),
            false,
            s -> s,
            plan.sharedSeeds(),
            kept,
            plan.sharedNetwork());
    FixtureSources sources = new FixtureSources(shared, kept);

    try (Cleanup cleanup = new Cleanup(() -> {}, () -> true)) {
      for (Plan.SegmentPlan segment : plan.inStartOrder()) {
        SegmentOpening.open(
            plan.request(),
            segment.segment(),
            plan.providers(),
            sources,
            ports,
            "run",
            Secrets.of(manifest),
            cleanup);
      }
    } finally {
      shared.close();
    }

    assertEquals(List.of("network probed", "network pair"), fakes.events("network"));
  }

  @Test
  void theRunsSharedContainersGetANetworkOnlyWhenOneDependsOnAnother() throws Exception {
    Manifest manifest =
        manifest(
            """
        version: 1
        fixtures:
          db: {postgres: {image: "pg:16", database: shop}, reuse: run}
          api: {container: {image: "httpd:1", ports: [80]}, dependsOn: [db], reuse: run}
          cache: {redis: {image: "redis:7"}, reuse: run}
        segments:
          orders:
            boundary: {between: [shop, api], tests: {classes: ["*AIT"]}}
            fixtures: [api, cache]
          reports:
            boundary: {between: [shop, api], tests: {classes: ["*BIT"]}}
            fixtures: [api, cache]
          stock:
            boundary: {between: [shop, cache], tests: {classes: ["*CIT"]}}
            fixtures: [cache]
        """);

    assertTrue(plan(manifest, "orders,reports").sharedNetwork(), "api reaches db by its id");
    assertFalse(plan(manifest, "orders,stock").sharedNetwork(), "only cache is shared");
  }

  /** {@code yaml}, written as the module's {@code segments.yaml}, as the plugin reads it. */
  private Manifest manifest(String yaml) throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, yaml);
    return new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
  }

  private Plan plan(Manifest manifest, String segments) throws Exception {
    return Planner.plan(
        RunRequest.builder("m", dir, manifest).segments(segments).build(), Fakes.docker());
  }
}
