package io.segmented.engine.adopt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmented.engine.InputException;
import io.segmented.engine.fork.CompiledTests;
import io.segmented.engine.lint.ManifestLint;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import io.segmented.manifest.SegmentSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestDraftTest {

  @TempDir Path dir;

  /** A shop whose tests start their own containers, as Testcontainers users write them. */
  private static final Map<String, String> SHOP =
      Map.of(
          "com.acme.shop.support.Containers",
          """
          package com.acme.shop.support;
          import org.testcontainers.utility.DockerImageName;
          public final class Containers {
            public static DockerImageName postgres() {
              return DockerImageName.parse(System.getProperty("shop.postgres.image", "postgres:16-alpine"));
            }
          }
          """,
          "com.acme.shop.db.OrdersIT",
          """
          package com.acme.shop.db;
          public class OrdersIT {
            Object image = com.acme.shop.support.Containers.postgres();
          }
          """,
          "com.acme.shop.db.ITStock",
          "package com.acme.shop.db; public class ITStock {}",
          "com.acme.shop.cache.CacheIT",
          """
          package com.acme.shop.cache;
          public class CacheIT {
            String image = "redis:7";
            String time = "hh:mm";
          }
          """,
          "com.acme.shop.events.EventsITCase",
          """
          package com.acme.shop.events;
          import org.testcontainers.utility.DockerImageName;
          public class EventsITCase {
            Object broker = DockerImageName.parse("rabbitmq:3.13-management");
            Object db = com.acme.shop.support.Containers.postgres();
          }
          """,
          "com.acme.shop.PriceTest",
          "package com.acme.shop; public class PriceTest { String image = \"redis:6\"; }");

  private static FailsafeConfig failsafe(List<String> excludes, String groups) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("shop.region", "eu-west");
    properties.put("on", "a \"quoted\" value");
    return new FailsafeConfig(
        true,
        true,
        List.of(),
        excludes,
        groups,
        "",
        properties,
        Map.of("SHOP_MODE", "integration"),
        "-Xmx256m '-Dshop.note=two words' @{argLine}",
        Map.of("junit.jupiter.extensions.autodetection.enabled", "true"),
        Optional.of(900));
  }

  private Manifest load(String yaml) throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(file, yaml);
    return new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
  }

  @Test
  void oneSegmentPerPackageWithFailsafesConfigurationAndTheImagesOffered() throws Exception {
    Path classes = Compiled.classes(dir, SHOP);
    FailsafeConfig failsafe = failsafe(List.of(), "");

    String yaml =
        DraftYaml.write(
            ManifestDraft.of(
                failsafe, TestScan.of(classes, failsafe.patterns()), InitMode.PACKAGE));

    assertEquals(
        """
        # Written by `mvn segment:init` from what this module already declares. It found:
        #   - maven-failsafe-plugin's configuration: 2 system properties, 1 environment variable, 2 JVM arguments from <argLine> and 1 JUnit configuration parameter, now under 'defaults'
        #   - 4 integration test classes in 3 packages (failsafe's includes: **/IT*.java, **/*IT.java, **/*ITCase.java): one segment per package, named after it
        #   - 3 container images named in the test classes: postgres:16-alpine, rabbitmq:3.13-management, redis:7 (offered as fixtures below, commented out)
        # Not carried over: argLine's @{argLine} (set by another plugin while the build runs, such as JaCoCo's argLine).
        # The tests still start their own containers, so no segment declares fixtures yet.
        # Next:
        #   1. mvn segment:run: each segment runs its tests in a JVM of its own, as failsafe did.
        #   2. Bind segment:integration-test and segment:verify and remove failsafe's <execution>,
        #      or `mvn verify` runs these tests twice (segment:validate warns while both are bound).
        #   3. Name each boundary's other side, add 'covers' for change selection, and let the
        #      manifest start the containers, segment by segment: see migration.html on the plugin's site ("Migrating from failsafe").
        version: 1

        defaults:
          timeout: 900s   # failsafe's <forkedProcessTimeoutInSeconds>
          jvmArgs: ["-Xmx256m", "-Dshop.note=two words"]   # failsafe's <argLine>
          properties:
            # failsafe's <systemPropertyVariables>
            shop.region: "eu-west"
            "on": "a \\"quoted\\" value"
            # failsafe sets basedir for its tests
            basedir: "${basedir}"
            # failsafe's <properties><configurationParameters>: JUnit reads these system
            # properties as configuration parameters
            junit.jupiter.extensions.autodetection.enabled: "true"
          env:
            # failsafe's <environmentVariables>
            SHOP_MODE: "integration"

        # The container images the tests name. The tests start these themselves. To let the
        # manifest start one instead, uncomment its entry, add its id to the 'fixtures' of the
        # segments that use it, and have their tests read fixtures.<id>.* (for a database
        # fixtures.<id>.jdbc-url) instead of starting a container: see migration.html on the plugin's site ("Migrating from failsafe").
        # fixtures:
        #   postgres:   # named by com.acme.shop.db.OrdersIT, com.acme.shop.events.EventsITCase
        #     postgres: {image: "postgres:16-alpine"}
        #   rabbitmq:   # named by com.acme.shop.events.EventsITCase; add its 'ports' and a 'wait'
        #     container: {image: "rabbitmq:3.13-management"}
        #   redis:   # named by com.acme.shop.cache.CacheIT
        #     redis: {image: "redis:7"}

        segments:
          cache:
            description: "the integration tests of package com.acme.shop.cache"
            boundary:
              between: [cache, redis]
              tests:
                classes: ["com.acme.shop.cache.*IT"]
            fixtures: []   # its tests start their own; once the manifest does: [redis]
          db:
            description: "the integration tests of package com.acme.shop.db"
            boundary:
              between: [db, postgres]
              tests:
                classes: ["com.acme.shop.db.IT*", "com.acme.shop.db.*IT"]
            fixtures: []   # its tests start their own; once the manifest does: [postgres]
          events:
            description: "the integration tests of package com.acme.shop.events"
            boundary:
              between: [events, postgres-container]
              tests:
                classes: ["com.acme.shop.events.*ITCase"]
            fixtures: []   # its tests start their own; once the manifest does: [postgres, rabbitmq]
        """,
        yaml);

    Manifest manifest = load(yaml);
    SegmentSpec db = manifest.segments().get("db");
    assertEquals(List.of("-Xmx256m", "-Dshop.note=two words"), db.jvmArgs());
    assertEquals(
        Map.of(
            "shop.region", "eu-west",
            "on", "a \"quoted\" value",
            "basedir", dir.toString(),
            "junit.jupiter.extensions.autodetection.enabled", "true"),
        db.properties());
    assertEquals(Map.of("SHOP_MODE", "integration"), db.env());
    assertEquals(List.of(), db.fixtureIds());
    assertEquals(List.of(), ManifestLint.check(manifest, classes), "every IT in one segment");
    assertEquals(
        List.of("com.acme.shop.db.ITStock", "com.acme.shop.db.OrdersIT"),
        CompiledTests.list(classes).stream()
            .filter(c -> CompiledTests.selects(db.boundary().tests(), c))
            .toList());
  }

  @Test
  void theOfferedFixturesAreValidOnceUncommented() throws Exception {
    Path classes = Compiled.classes(dir, SHOP);
    FailsafeConfig failsafe = failsafe(List.of(), "");
    String yaml =
        DraftYaml.write(
            ManifestDraft.of(
                failsafe, TestScan.of(classes, failsafe.patterns()), InitMode.PACKAGE));

    int block = yaml.indexOf("# fixtures:");
    String owned =
        (yaml.substring(0, block)
                + yaml.substring(block)
                    .replace("# fixtures:", "fixtures:")
                    .replaceAll("(?m)^# {3}(\\S)", "  $1")
                    .replaceAll("(?m)^# {5}", "    "))
            .replace(
                "fixtures: []   # its tests start their own; once the manifest does: ",
                "fixtures: ");

    Manifest manifest = load(owned);
    assertEquals(
        List.of("postgres", "rabbitmq", "redis"), List.copyOf(manifest.fixtures().keySet()));
    assertEquals(List.of("postgres", "rabbitmq"), manifest.segments().get("events").fixtureIds());
  }

  @Test
  void failsafesExcludesAndGroupsCarryOverToTheSegment() throws Exception {
    Map<String, String> sources = new LinkedHashMap<>(SHOP);
    sources.put(
        "com.acme.shop.db.LegacyOrdersIT",
        "package com.acme.shop.db; public class LegacyOrdersIT {}");
    Path classes = Compiled.classes(dir, sources);
    FailsafeConfig failsafe = failsafe(List.of("**/Legacy*.java"), "db, fast & !flaky");

    ManifestDraft draft =
        ManifestDraft.of(failsafe, TestScan.of(classes, failsafe.patterns()), InitMode.PACKAGE);
    String yaml = DraftYaml.write(draft);

    String db = yaml.substring(yaml.indexOf("  db:"), yaml.indexOf("  events:"));
    assertEquals(
        """
          db:
            description: "the integration tests of package com.acme.shop.db"
            boundary:
              between: [db, postgres]
              tests:
                classes: ["com.acme.shop.db.IT*", "com.acme.shop.db.*IT"]
                tags: ["db", "fast & !flaky"]   # failsafe's <groups>
                exclude: {classes: ["com.acme.shop.db.LegacyOrdersIT"]}   # failsafe's <excludes> and <excludedGroups>
            fixtures: []   # its tests start their own; once the manifest does: [postgres]
        """,
        db);
    SegmentSpec loaded = load(yaml).segments().get("db");
    assertEquals(List.of("db", "fast & !flaky"), loaded.boundary().tests().tags());
    assertEquals(
        List.of("com.acme.shop.db.ITStock", "com.acme.shop.db.OrdersIT"),
        CompiledTests.list(classes).stream()
            .filter(c -> CompiledTests.selects(loaded.boundary().tests(), c))
            .toList());
  }

  @Test
  void oneLegacySegmentForEveryTest() throws Exception {
    Path classes = Compiled.classes(dir, SHOP);
    ManifestDraft draft =
        ManifestDraft.of(
            FailsafeConfig.NONE,
            TestScan.of(classes, FailsafeConfig.NONE.patterns()),
            InitMode.SINGLE);
    String yaml = DraftYaml.write(draft);

    assertEquals(
        """
        segments:
          legacy:
            description: "every integration test, as failsafe ran them"
            boundary:
              between: [legacy, external]
              tests:
                classes: ["**.IT*", "**.*IT", "**.*ITCase"]
            fixtures: []   # its tests start their own; once the manifest does: [postgres, rabbitmq, redis]
        """,
        yaml.substring(yaml.indexOf("segments:")));
    assertEquals(
        "#   - no maven-failsafe-plugin configuration: failsafe's defaults",
        yaml.lines().toList().get(1));
    assertEquals(
        "#   - 4 integration test classes in 3 packages (failsafe's includes: **/IT*.java, **/*IT.java, **/*ITCase.java): one segment, 'legacy', for all of them",
        yaml.lines().toList().get(2));
    Manifest manifest = load(yaml);
    assertEquals(Map.of("basedir", dir.toString()), manifest.segments().get("legacy").properties());
    assertEquals(List.of(), ManifestLint.check(manifest, classes));
  }

  @Test
  void aModuleWithoutIntegrationTestsGetsNoDraft() throws Exception {
    Path classes =
        Compiled.classes(dir, Map.of("a.PriceTest", "package a; public class PriceTest {}"));
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                ManifestDraft.of(
                    FailsafeConfig.NONE,
                    TestScan.of(classes, FailsafeConfig.NONE.patterns()),
                    InitMode.PACKAGE));
    assertEquals(
        "no integration test to put in a segment: no compiled test class matches failsafe's"
            + " includes (**/IT*.java, **/*IT.java, **/*ITCase.java). Name integration tests as"
            + " failsafe does (OrdersIT), or set failsafe's <includes>, compile them, and run"
            + " segment:init again",
        e.getMessage());
  }

  @Test
  void anUnknownModeSaysWhichOnesThereAre() throws Exception {
    assertEquals(InitMode.PACKAGE, InitMode.parse(null));
    assertEquals(InitMode.SINGLE, InitMode.parse("single"));
    InputException e = assertThrows(InputException.class, () -> InitMode.parse("one"));
    assertEquals(
        "-Dsegment.init=one is not a way to group the tests. Write -Dsegment.init=package (one"
            + " segment per package, the default) or -Dsegment.init=single (one segment, 'legacy',"
            + " for every integration test)",
        e.getMessage());
  }
}
