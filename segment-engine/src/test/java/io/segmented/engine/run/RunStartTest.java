package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.engine.RunRequest;
import io.segmented.engine.plan.Plan;
import io.segmented.engine.plan.Planner;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which segments' fixtures may start while Maven still builds the module. */
class RunStartTest {

  @TempDir Path parent;

  @Test
  void onlyFixturesThatReadNothingTheBuildMakesStartAhead() throws Exception {
    // the module, beside a sibling module "api"
    assertEquals(EXPECTED, ahead(Files.createDirectories(parent.resolve("shop"))));
  }

  @Test
  void aFolderNamedTargetAboveTheModuleIsNoBuildDirectoryOfItsOwn() throws Exception {
    // as a project that maven-invoker-plugin builds in target/it/ is
    assertEquals(EXPECTED, ahead(Files.createDirectories(parent.resolve("target/it/shop"))));
  }

  private static final Map<String, Boolean> EXPECTED =
      Map.of(
          "seeded", true,
          "generated-seed", false,
          "cached", true,
          "process", false,
          "built-site", false,
          "sibling-build", false,
          "static-site", true,
          // the server both share starts with the other's template too, seeded from target/
          "shared-first", false,
          "shared-generated", false);

  private static Map<String, Boolean> ahead(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("sql"));
    Files.writeString(dir.resolve("sql/schema.sql"), "create table t (id int);\n");
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        fixtures:
          db: {postgres: {image: "pg:16", database: shop}}
          cache: {redis: {image: "redis:7"}}
          app: {process: {command: [java, -jar, target/app.jar], ports: [http]}}
          web: {container: {image: "httpd:1", ports: [80], files: {target/site: /www}}}
          other: {container: {image: "httpd:1", ports: [80], files: {../api/target/www: /www}}}
          static: {container: {image: "httpd:1", ports: [80], files: {src/it/www: /www}}}
          shared: {postgres: {image: "pg:16", database: shop}, reuse: run}
        segments:
          seeded:
            boundary: {between: [shop, db], tests: {classes: ["*AIT"]}}
            fixtures: [db]
            data: {db: {seed: [sql/schema.sql]}}
          generated-seed:
            boundary: {between: [shop, db], tests: {classes: ["*BIT"]}}
            fixtures: [db]
            data: {db: {seed: [target/generated/schema.sql]}}
          cached:
            boundary: {between: [shop, cache], tests: {classes: ["*CIT"]}}
            fixtures: [cache]
          process:
            boundary: {between: [shop, app], tests: {classes: ["*DIT"]}}
            fixtures: [app]
          built-site:
            boundary: {between: [shop, web], tests: {classes: ["*EIT"]}}
            fixtures: [web]
          sibling-build:
            boundary: {between: [shop, other], tests: {classes: ["*FIT"]}}
            fixtures: [other]
          static-site:
            boundary: {between: [shop, static], tests: {classes: ["*GIT"]}}
            fixtures: [static]
          shared-first:
            boundary: {between: [shop, shared], tests: {classes: ["*HIT"]}}
            fixtures: [shared]
            data: {shared: {seed: [sql/schema.sql]}}
          shared-generated:
            boundary: {between: [shop, shared], tests: {classes: ["*IIT"]}}
            fixtures: [shared]
            data: {shared: {seed: [target/generated/schema.sql]}}
        """);
    // what earlier builds left: there, but perhaps not what this build will write
    Files.createDirectories(dir.resolve("src/it/www"));
    Files.createDirectories(dir.resolve("target/site"));
    Files.createDirectories(dir.resolve("../api/target/www"));
    Files.createDirectories(dir.resolve("target/generated"));
    Files.writeString(dir.resolve("target/generated/schema.sql"), "create table t (id int);\n");
    Manifest manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
    RunRequest request = RunRequest.builder("m", dir, manifest).runOrder("manifest").build();
    Plan plan = Planner.plan(request, Fakes.docker());

    Map<String, Boolean> ahead = new java.util.LinkedHashMap<>();
    plan.inStartOrder().forEach(p -> ahead.put(p.segment().id(), RunStart.canStartAhead(plan, p)));

    return ahead;
  }
}
