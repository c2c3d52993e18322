package io.segmented.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.engine.InputException;
import io.segmented.engine.RunRequest;
import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.change.ChangedFiles;
import io.segmented.engine.fixture.DockerProbe;
import io.segmented.engine.fixture.Keeping;
import io.segmented.engine.history.History;
import io.segmented.manifest.DataScope;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import io.segmented.manifest.Problem;
import io.segmented.results.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

  /** A Docker engine that answers or not, has some images, and counts the questions. */
  private static class FakeDocker implements DockerProbe {
    final boolean answers;
    final Set<String> images;
    final List<String> asked = Collections.synchronizedList(new ArrayList<>());

    FakeDocker(boolean answers, String... images) {
      this.answers = answers;
      this.images = Set.of(images);
    }

    @Override
    public boolean answers() {
      asked.add("answers");
      return answers;
    }

    @Override
    public boolean hasImage(String image) {
      asked.add(image);
      return images.contains(image);
    }
  }

  @TempDir Path dir;
  private Manifest manifest;

  @BeforeEach
  void module() throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        fixtures:
          db: {postgres: {image: "pg:16", provider: auto}}
          cache: {redis: {image: "redis:7"}, reuse: run}
          stubs: {wiremock: {provider: embedded}, reuse: run}
          app: {container: {image: "app:1"}, dependsOn: [db, cache]}
          tool: {process: {command: [java, -jar, tool.jar]}}
        segments:
          orders:
            boundary: {between: [client, app], tests: {classes: ["*OrdersIT"]}}
            fixtures: [app, stubs]
          tooling:
            boundary: {between: [client, tool], tests: {classes: ["*ToolIT"]}}
            fixtures: [tool, cache]
          pure:
            boundary:
              between: [client, rules]
              tests: {classes: ["*RulesIT"]}
              covers: ["src/main/java/rules/**"]
        """);
    manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
  }

  private RunRequest.Builder request() {
    return RunRequest.builder("m", dir, manifest).parallel(2);
  }

  private List<String> plan(String segments, Optional<ChangeSelection> change, DockerProbe d)
      throws Exception {
    return PlanText.lines(Planner.plan(request().segments(segments).build(), d, change));
  }

  @Test
  void everySegmentWithItsFixturesStartWavesAndImages() throws Exception {
    FakeDocker docker = new FakeDocker(true, "pg:16");
    assertEquals(
        List.of(
            "Plan for segments.yaml: 3 of 3 segment(s) would run. Nothing is started",
            "\u2714 orders (client \u2194 app) selected: every segment runs (no -Dsegment, no"
                + " -Dsegment.changedSince)",
            "    fixtures: db (postgres, container) pg:16, reuse segment",
            "              cache (redis, container) redis:7, reuse run, shared by the run",
            "              app (container, container) app:1, reuse segment",
            "              stubs (wiremock, embedded) embedded wiremock, reuse run, yet a fresh"
                + " one per segment",
            "    start:    db + cache + stubs (in parallel), then app",
            "\u2714 tooling (client \u2194 tool) selected: every segment runs (no -Dsegment, no"
                + " -Dsegment.changedSince)",
            "    fixtures: tool (process, process) java -jar tool.jar, reuse segment",
            "              cache (redis, container) redis:7, reuse run, shared by the run",
            "    start:    tool + cache (in parallel)",
            "\u2714 pure (client \u2194 rules) selected: every segment runs (no -Dsegment, no"
                + " -Dsegment.changedSince)",
            "    fixtures: none",
            "Order: orders, tooling, pure (manifest order), 2 at a time (segment.parallel), each"
                + " with its own fixtures and test JVM",
            "Shared by the run (reuse: run): cache, each started once, by the first segment that"
                + " needs it",
            "Images: 3, checked on the Docker engine",
            "  pg:16 (db): present",
            "  redis:7 (cache): not present, the run pulls it first",
            "  app:1 (app): not present, the run pulls it first"),
        plan("", Optional.empty(), docker));
    assertEquals("answers", docker.asked.get(0));
    // the images are asked about at once, in no order
    assertEquals(Set.of("pg:16", "redis:7", "app:1"), Set.copyOf(docker.asked.subList(1, 4)));
    assertEquals(4, docker.asked.size());
  }

  @Test
  void aFixtureTheRunSharesIsOneMoreThanOneOfItsSegmentsUses() throws Exception {
    FakeDocker docker = new FakeDocker(true, "pg:16", "redis:7", "app:1");
    assertEquals(
        Map.of("cache", 2),
        Planner.plan(request().build(), docker).sharedUsers(),
        "orders, tooling");
    assertEquals(
        Map.of(), Planner.plan(request().segments("tooling").build(), docker).sharedUsers());
  }

  @Test
  void withoutDockerAutoIsEmbeddedAndImagesAreNotChecked() throws Exception {
    FakeDocker docker = new FakeDocker(false);
    List<String> lines = plan("ord*", Optional.empty(), docker);
    assertEquals(
        List.of(
            "Plan for segments.yaml: 1 of 3 segment(s) would run. Nothing is started",
            "\u2714 orders (client \u2194 app) selected: matches -Dsegment=ord*",
            "    fixtures: db (postgres, embedded) embedded postgres, reuse segment"),
        lines.subList(0, 3));
    assertEquals(
        List.of(
            "- tooling (client \u2194 tool) left out: not selected by -Dsegment=ord*",
            "- pure (client \u2194 rules) left out: not selected by -Dsegment=ord*",
            "Order: orders (manifest order), 1 at a time (segment.parallel), each with its own"
                + " fixtures and test JVM",
            "Images: 2, not checked: no Docker engine answers, so a run would stop before"
                + " starting anything",
            "  redis:7 (cache)",
            "  app:1 (app)"),
        lines.subList(lines.size() - 6, lines.size()));
    // cache has reuse: run, but orders is the only segment of this run that uses it
    assertTrue(
        lines.contains(
            "              cache (redis, container) redis:7, reuse run, the segment's own: no other"
                + " segment of the run uses it"),
        String.join("\n", lines));
    assertEquals(List.of("answers"), docker.asked, "asked once, for db's provider: auto");
  }

  @Test
  void aChangeSelectsOnlyWhatItTouchesAndDockerIsNotAskedWhenNothingNeedsIt() throws Exception {
    FakeDocker docker = new FakeDocker(true);
    ChangeSelection change =
        ChangeSelection.of(
            manifest,
            dir,
            new ChangedFiles(
                "origin/main",
                new TreeSet<>(List.of("src/main/java/rules/Rule.java", "README.md")),
                Map.of()));
    Plan plan =
        Planner.plan(
            request().provider("container").parallel(4).build(), docker, Optional.of(change));
    List<String> lines = PlanText.lines(plan);
    assertEquals(
        List.of(
            "Plan for segments.yaml: 1 of 3 segment(s) would run. Nothing is started",
            "Changed since origin/main: 2 file(s) in the module",
            "  README.md",
            "  src/main/java/rules/Rule.java",
            "- orders (client \u2194 app) left out: not selected by"
                + " -Dsegment.changedSince=origin/main: none of the 2 file(s) changed since"
                + " origin/main matches its covers (it declares none), its entry in segments.yaml"
                + " or those of its fixtures, or a file its fixtures, data or contract name"),
        lines.subList(0, 5));
    assertEquals(
        List.of(
            "\u2714 pure (client \u2194 rules) selected: src/main/java/rules/Rule.java matches"
                + " covers 'src/main/java/rules/**'",
            "    fixtures: none",
            "Order: pure (manifest order), 1 at a time (segment.parallel), each with its own"
                + " fixtures and test JVM",
            "Images: none (no selected segment runs a fixture in a container)"),
        lines.subList(lines.size() - 4, lines.size()));
    assertEquals(List.of(), docker.asked);
    assertEquals(Optional.empty(), plan.docker());
  }

  @Test
  void anImageNothingResolvedIsNotAskedAboutAndThePlanCarriesTheWarning() throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        fixtures:
          app: {container: {image: "${env.UNSET_VAR}"}}
        segments:
          s:
            boundary: {between: [client, app], tests: {classes: ["*IT"]}}
            fixtures: [app]
        """);
    Manifest unresolved = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
    // the Docker client puts the name into its request path with String.replaceAll
    DockerProbe docker =
        new FakeDocker(true) {
          @Override
          public boolean hasImage(String image) {
            return super.hasImage("/images/{id}/json".replaceAll("\\{id\\}", image));
          }
        };

    Plan plan =
        Planner.plan(RunRequest.builder("m", dir, unresolved).build(), docker, Optional.empty());

    String warning =
        "segments.yaml:3:28: '${env.UNSET_VAR}' is not resolved: the environment variable"
            + " UNSET_VAR is not set, so the value stays as written. Set UNSET_VAR in the build's"
            + " environment, or write the value itself";
    assertEquals(List.of(warning), plan.warnings().stream().map(Problem::format).toList());
    List<String> lines = PlanText.lines(plan);
    assertEquals(
        List.of(
            "Images: 1, checked on the Docker engine",
            "  ${env.UNSET_VAR} (app): not a valid image name: it holds a ${...} that nothing"
                + " resolved, so a run cannot start it. Set 'image' to name:tag"),
        lines.subList(lines.size() - 2, lines.size()));
    assertEquals(
        "[{\"line\":3,\"column\":28,\"message\":\""
            + warning.substring("segments.yaml:3:28: ".length())
            + "\"}]",
        PlanJson.of(plan).get("warnings").toString());
  }

  private Plan planWith(History history, String runOrder) throws Exception {
    Path file = dir.resolve("target/segment-history-" + runOrder + ".json");
    history.write(file);
    return Planner.plan(
        request().historyFile(file).runOrder(runOrder).build(),
        new FakeDocker(false),
        Optional.empty());
  }

  private static String orderLine(Plan plan) {
    return PlanText.lines(plan).stream()
        .filter(l -> l.startsWith("Order: "))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theStartOrderFromTheHistoryIsShownWhenItIsNotTheManifests() throws Exception {
    History history =
        new History(
            Map.of(
                "orders", List.of(new History.Entry(Outcome.PASSED, 1_000, "t")),
                "tooling", List.of(new History.Entry(Outcome.PASSED, 3_000, "t")),
                "pure", List.of(new History.Entry(Outcome.FAILED, 500, "t"))));
    assertEquals(
        "Order: pure, tooling, orders (failed last time first, then longest first (segment"
            + " history)), 2 at a time (segment.parallel), each with its own fixtures and test JVM",
        orderLine(planWith(history, "history")));
    assertEquals(
        "Order: orders, tooling, pure (manifest order), 2 at a time (segment.parallel), each with"
            + " its own fixtures and test JVM",
        orderLine(planWith(history, "manifest")));
  }

  @Test
  void aPatternThatSelectsNothingIsRefusedAsTheRunRefusesIt() {
    InputException e =
        assertThrows(
            InputException.class,
            () -> plan("orders,tols", Optional.empty(), new FakeDocker(true)));
    assertEquals(
        "-Dsegment=orders,tols: tols selects no segment. Segments: orders, tooling, pure",
        e.getMessage());
  }

  @Test
  void keepSaysPerKeptFixtureWhatARunWouldLeaseOrStart() throws Exception {
    FakeDocker docker =
        new FakeDocker(true, "pg:16") {
          @Override
          public Optional<Keeping> kept(
              Path moduleDir,
              FixtureSpec spec,
              Optional<DataScope> data,
              boolean sharedByRun,
              Duration keep) {
            asked.add(
                "kept "
                    + spec.id()
                    + (sharedByRun ? ", shared by the run," : "")
                    + " for "
                    + keep.toMinutes()
                    + " min");
            return Optional.of(new Keeping(true, Duration.ofMinutes(3), keep, ""));
          }
        };
    Plan plan = Planner.plan(request().segments("orders").keep("10m").build(), docker);
    assertEquals(Optional.of(Duration.ofMinutes(10)), plan.keep());
    List<String> lines = PlanText.lines(plan);
    // a database in a container is kept, and so is a reuse: run one that no other segment of the
    // run uses; a generic container is not kept (its state cannot be reset), an embedded double
    // lives in the build
    assertEquals(
        List.of(
            "    fixtures: db (postgres, container) pg:16, reuse segment, kept: would lease one"
                + " started 3 min ago",
            "              cache (redis, container) redis:7, reuse run, the segment's own: no other"
                + " segment of the run uses it, kept: would lease one started 3 min ago",
            "              app (container, container) app:1, reuse segment, not kept: the plugin"
                + " cannot make its state fresh for each build; keep: true in the manifest keeps it",
            "              stubs (wiremock, embedded) embedded wiremock, reuse run, yet a fresh"
                + " one per segment, not kept: embedded servers are never kept"),
        lines.subList(2, 6));
    assertEquals(
        List.of("kept db for 10 min", "kept cache for 10 min"),
        docker.asked.stream().filter(a -> a.startsWith("kept")).toList());
    assertFalse(PlanJson.of(plan).at("/segments/0/fixtures/1/shared").asBoolean());
    assertEquals(Map.of(), plan.sharedUsers());

    // with tooling in the run too, cache is shared between them, and kept as the run's server
    docker.asked.clear();
    Plan both = Planner.plan(request().segments("orders,tooling").keep("10m").build(), docker);
    assertTrue(PlanJson.of(both).at("/segments/0/fixtures/1/shared").asBoolean());
    assertEquals("lease", PlanJson.of(both).at("/segments/0/fixtures/1/kept").asText());
    assertTrue(PlanJson.of(both).at("/segments/0/fixtures/1/notKept").isMissingNode());
    assertEquals(
        "              cache (redis, container) redis:7, reuse run, shared by the run, kept: would"
            + " lease one started 3 min ago",
        PlanText.lines(both).get(3));
    // the engine is asked about the shared server once, not once for each segment that uses it
    assertEquals(
        1,
        docker.asked.stream().filter("kept cache, shared by the run, for 10 min"::equals).count(),
        docker.asked.toString());
    assertTrue(
        PlanText.lines(both).stream()
                .filter(l -> l.contains("cache (redis") && l.contains("shared by the run, kept"))
                .count()
            == 2,
        PlanText.lines(both).toString());
  }

  @Test
  void aKeptFixtureThatDoesNotFitSaysWhy() throws Exception {
    FakeDocker docker =
        new FakeDocker(true, "pg:16") {
          @Override
          public Optional<Keeping> kept(
              Path moduleDir,
              FixtureSpec spec,
              Optional<DataScope> data,
              boolean sharedByRun,
              Duration keep) {
            return Optional.of(new Keeping(false, Duration.ZERO, keep, "the seeds changed"));
          }
        };
    List<String> lines =
        PlanText.lines(Planner.plan(request().segments("orders").keep("90s").build(), docker));
    assertEquals(
        "    fixtures: db (postgres, container) pg:16, reuse segment, kept: would start one and keep"
            + " it for 1 min 30 s (the seeds changed)",
        lines.get(2));
  }

  @Test
  void theManifestsKeepIsShownAndDecidesWhatARunKeeps() throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        fixtures:
          web: {container: {image: "httpd:1"}, keep: true}
          cache: {redis: {image: "redis:7"}, keep: false}
          db: {postgres: {image: "pg:16"}}
          app: {container: {image: "app:1"}}
        segments:
          shop:
            boundary: {between: [shop, web], tests: {classes: ["*ShopIT"]}}
            fixtures: [web, cache, db, app]
        """);
    Manifest m = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
    FakeDocker docker =
        new FakeDocker(true, "pg:16") {
          @Override
          public Optional<Keeping> kept(
              Path moduleDir,
              FixtureSpec spec,
              Optional<DataScope> data,
              boolean sharedByRun,
              Duration keep) {
            asked.add("kept " + spec.id());
            return Optional.of(new Keeping(false, Duration.ZERO, keep, ""));
          }
        };
    RunRequest.Builder request = RunRequest.builder("m", dir, m).parallel(1);

    assertEquals(
        List.of(
            "    fixtures: web (container, container) httpd:1, reuse segment, keep: true, kept:"
                + " would start one and keep it for 10 min",
            "              cache (redis, container) redis:7, reuse segment, keep: false",
            "              db (postgres, container) pg:16, reuse segment, kept: would start one and"
                + " keep it for 10 min",
            "              app (container, container) app:1, reuse segment, not kept: the plugin cannot"
                + " make its state fresh for each build; keep: true in the manifest keeps it"),
        PlanText.lines(Planner.plan(request.keep("10m").build(), docker)).subList(2, 6));
    assertEquals(
        List.of("kept web", "kept db"),
        docker.asked.stream().filter(a -> a.startsWith("kept")).toList());
    List<String> keepInJson = new ArrayList<>();
    PlanJson.of(Planner.plan(request.keep("10m").build(), docker))
        .at("/segments/0/fixtures")
        .forEach(f -> keepInJson.add(f.get("id").asText() + ": " + f.path("keep")));
    assertEquals(List.of("web: true", "cache: false", "db: ", "app: "), keepInJson);
    // without -Dsegment.keep the manifest's word is shown all the same
    assertEquals(
        List.of(
            "    fixtures: web (container, container) httpd:1, reuse segment, keep: true",
            "              cache (redis, container) redis:7, reuse segment, keep: false"),
        PlanText.lines(Planner.plan(request.keep("0").build(), docker)).subList(2, 4));
  }

  @Test
  void keepIsADurationOrZero() throws Exception {
    FakeDocker docker = new FakeDocker(true, "pg:16");
    InputException e =
        assertThrows(
            InputException.class, () -> Planner.plan(request().keep("soon").build(), docker));
    assertEquals(
        "-Dsegment.keep=soon is not a duration. Write how long fixtures are kept after the build,"
            + " as 30s, 10m or 2h",
        e.getMessage());
    Plan none = Planner.plan(request().keep("0").build(), docker);
    assertEquals(Optional.empty(), none.keep());
    assertTrue(
        none.segments().stream()
            .flatMap(sp -> sp.fixtures().stream())
            .allMatch(f -> f.kept().isEmpty()));
  }
}
