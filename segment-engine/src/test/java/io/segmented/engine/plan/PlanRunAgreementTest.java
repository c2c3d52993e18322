package io.segmented.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.engine.RunListener;
import io.segmented.engine.RunRequest;
import io.segmented.engine.TestRuntime;
import io.segmented.engine.change.ChangeSelection;
import io.segmented.engine.change.ChangedFiles;
import io.segmented.engine.history.History;
import io.segmented.engine.run.Fakes;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code segment:plan} says would run is exactly what {@code segment:run} runs, for every
 * combination of selectors the ITs use: the executor, with fake fixtures and JVMs, starts the
 * plan's selected segments in the plan's order, and reports every other one SKIPPED with the plan's
 * reason.
 */
class PlanRunAgreementTest {

  @TempDir Path dir;
  private Manifest manifest;
  private TestRuntime runtime;

  @BeforeEach
  void module() throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        fixtures:
          db: {container: {image: "db:1", ports: [5432]}}
          cache: {container: {image: "cache:1", ports: [6379]}}
        segments:
          orders-repo:
            boundary:
              between: [orders, db]
              tests: {classes: ["it.orders.*IT"]}
              covers: ["src/main/java/orders/**"]
            fixtures: [db]
          orders-cache:
            boundary:
              between: [orders, cache]
              tests: {classes: ["it.cache.*IT"]}
              covers: ["src/main/java/cache/**"]
            fixtures: [cache]
          payments:
            boundary:
              between: [payments, db]
              tests: {classes: ["it.payments.*IT"]}
              covers: ["src/main/java/payments/**"]
            fixtures: [db, cache]
          rules:
            boundary:
              between: [rules, rules]
              tests: {classes: ["it.rules.*IT"]}
        """);
    manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
    Path classes = dir.resolve("target/test-classes");
    for (String c : List.of("orders/RepoIT", "cache/CacheIT", "payments/PayIT", "rules/RuleIT")) {
      Files.createDirectories(classes.resolve("it/" + c).getParent());
      Files.write(classes.resolve("it/" + c + ".class"), new byte[0]);
    }
    runtime = new TestRuntime(Path.of("java"), classes, List.of(), List.of());
    new History(
            Map.of(
                "payments", List.of(new History.Entry(Outcome.FAILED, 3_000, "t")),
                "rules", List.of(new History.Entry(Outcome.PASSED, 9_000, "t"))))
        .write(dir.resolve("target/segment-history.json"));
  }

  /** A change to the payments code, since origin/main. */
  private Optional<ChangeSelection> paymentsChanged() throws Exception {
    return Optional.of(
        ChangeSelection.of(
            manifest,
            dir,
            new ChangedFiles(
                "origin/main",
                new TreeSet<>(List.of("src/main/java/payments/Pay.java")),
                Map.of())));
  }

  private void agree(UnaryOperator<RunRequest.Builder> options, Optional<ChangeSelection> change)
      throws Exception {
    RunRequest request = options.apply(RunRequest.builder("m", dir, manifest).parallel(1)).build();
    Plan plan = Planner.plan(request, Fakes.docker(), change);
    Fakes fakes = new Fakes();

    RunResult run = fakes.executor().run(plan, runtime, new RunListener() {});

    assertEquals(
        plan.inStartOrder().stream().map(s -> "jvm " + s.segment().id()).toList(),
        fakes.events("jvm"),
        "the run starts the plan's segments in the plan's order");
    Map<String, String> planned = new LinkedHashMap<>();
    plan.segments().forEach(s -> planned.put(s.segment().id(), s.selected() ? "runs" : s.reason()));
    Map<String, String> ran = new LinkedHashMap<>();
    for (SegmentResult s : run.segments()) {
      ran.put(s.id(), s.outcome() == Outcome.SKIPPED ? s.message() : "runs");
    }
    assertEquals(planned, ran, "every segment as the plan decided it, with its reason");
    assertEquals(plan.describeSelection(), run.selection());
  }

  @Test
  void everySegment() throws Exception {
    agree(r -> r, Optional.empty());
  }

  @Test
  void byPattern() throws Exception {
    agree(r -> r.segments("orders-*"), Optional.empty());
  }

  @Test
  void byChange() throws Exception {
    agree(r -> r, paymentsChanged());
  }

  @Test
  void byPatternAndChange() throws Exception {
    agree(r -> r.segments("orders-*,payments"), paymentsChanged());
  }

  @Test
  void byTestFilter() throws Exception {
    agree(r -> r.tests("RepoIT,PayIT#pays*", null, null), Optional.empty());
  }

  @Test
  void byEachShard() throws Exception {
    agree(r -> r.shard("1/2"), Optional.empty());
    agree(r -> r.shard("2/2"), Optional.empty());
  }

  @Test
  void byPatternTestFilterAndShard() throws Exception {
    agree(
        r -> r.segments("orders-*,payments").tests("!CacheIT", null, null).shard("1/2"),
        Optional.empty());
  }

  @Test
  void inEveryStartOrder() throws Exception {
    for (String order : List.of("history", "failedfirst", "balanced", "manifest")) {
      agree(r -> r.runOrder(order), Optional.empty());
    }
  }
}
