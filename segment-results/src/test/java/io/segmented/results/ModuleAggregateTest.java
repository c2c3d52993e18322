package io.segmented.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleAggregateTest {

  @TempDir Path dir;

  @Test
  void prefixesEachSegmentWithItsModuleAndCopiesTheLogsIn() throws Exception {
    Path orders = dir.resolve("orders/target/segment-reports");
    Path billing = dir.resolve("billing/target/segment-reports");
    SegmentResult ordersDb = segment("orders-db", Outcome.PASSED, TestOutcome.PASSED, "db");
    SegmentResult invoices = segment("invoices", Outcome.FAILED, TestOutcome.FAILED, "mail");
    ResultsFiles.write(
        orders,
        run("run-1", "orders", "2026-01-01T00:00:00Z", 5_000, ordersDb)
            .withTrends(Map.of("orders-db", new SegmentTrend(3, 1, 0, List.of())))
            .withAdvice(List.of(new Advice.OnlySkipped("legacy", 1))));
    ResultsFiles.write(billing, run("run-2", "billing", "2026-01-01T00:00:10Z", 2_000, invoices));
    write(orders.resolve("logs/orders-db/db.log"), "db ready");
    write(billing.resolve("logs/invoices/mail.log"), "mail ready");
    Path target = dir.resolve("target/segment-reports-aggregate");
    write(target.resolve("logs/gone/old.log"), "from an earlier aggregate");
    ResultsFiles.write(target, run("run-0", "shop", "2025-12-31T00:00:00Z", 1_000));

    RunResult aggregate =
        ModuleAggregate.aggregate(
            "shop",
            List.of(
                new ModuleAggregate.Module("orders", orders),
                new ModuleAggregate.Module("billing", billing)),
            target);

    assertEquals(
        List.of("orders/orders-db", "billing/invoices"),
        aggregate.segments().stream().map(SegmentResult::id).toList());
    assertEquals("shop", aggregate.module());
    assertEquals("run-1,run-2", aggregate.runId());
    assertEquals("2026-01-01T00:00:00Z", aggregate.startedAt());
    assertEquals(12_000, aggregate.durationMillis());
    assertEquals(new RunResult.Totals(2, 1, 2, 1, 0, 0, 0), aggregate.totals());
    assertEquals(
        Map.of("orders/orders-db", new SegmentTrend(3, 1, 0, List.of())), aggregate.trends());
    assertEquals(
        "logs/billing/invoices/mail.log", aggregate.segments().get(1).fixtures().get(0).log());
    assertEquals(
        "mail ready",
        Files.readString(target.resolve(aggregate.segments().get(1).fixtures().get(0).log())));
    assertEquals("db ready", Files.readString(target.resolve("logs/orders/orders-db/db.log")));
    assertFalse(Files.exists(target.resolve("logs/gone")));
    assertEquals(aggregate, ResultsFiles.read(target));
    assertEquals(invoices.tests(), aggregate.segments().get(1).tests());
    assertEquals(2, aggregate.segments().get(1).dataMillis(), "every other field comes along");
    assertEquals(
        List.of(3, 10L, 20L),
        List.of(
            aggregate.segments().get(1).fixtures().get(0).restores(),
            aggregate.segments().get(1).fixtures().get(0).restoreMeanMillis(),
            aggregate.segments().get(1).fixtures().get(0).restoreMaxMillis()));
    assertEquals("orders: all; billing: all", aggregate.selection());
    assertEquals(List.of(new Advice.OnlySkipped("orders/legacy", 1)), aggregate.advice());
    assertEquals(
        "segment 'orders/legacy' ran only skipped tests (1), so its fixtures and test JVM started"
            + " for nothing. Remove the segment, or enable its tests",
        aggregate.advice().get(0).text());
  }

  @Test
  void sharedFixtureLogsMoveUnderTheModuleToo() {
    assertEquals(
        "logs/orders/_run/db.log", ModuleAggregate.logInModule("orders", "logs/_run/db.log"));
    assertEquals("", ModuleAggregate.logInModule("orders", ""));
  }

  @Test
  void refusesTwoModulesOfTheSameName() throws Exception {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    ResultsFiles.write(
        a,
        run(
            "r",
            "core",
            "2026-01-01T00:00:00Z",
            1,
            segment("x", Outcome.PASSED, TestOutcome.PASSED, "f")));
    ResultsFiles.write(
        b,
        run(
            "r",
            "core",
            "2026-01-01T00:00:00Z",
            1,
            segment("y", Outcome.PASSED, TestOutcome.PASSED, "f")));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModuleAggregate.aggregate(
                    "shop",
                    List.of(
                        new ModuleAggregate.Module("core", a),
                        new ModuleAggregate.Module("core", b)),
                    dir.resolve("out")));

    assertEquals(
        "two modules are named 'core': their segments could not be told apart", e.getMessage());
  }

  @Test
  void refusesAModuleWithoutResults() {
    Path empty = dir.resolve("empty");

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ModuleAggregate.aggregate(
                    "shop",
                    List.of(new ModuleAggregate.Module("empty", empty)),
                    dir.resolve("out")));

    assertEquals("no segment-results.json in " + empty + " of module empty", e.getMessage());
  }

  private static SegmentResult segment(
      String id, Outcome outcome, TestOutcome test, String fixture) {
    return new SegmentResult(
        id,
        "",
        List.of("app", id),
        outcome,
        "",
        "2026-01-01T00:00:00Z",
        10,
        4,
        2,
        5,
        1,
        List.of(
            new FixtureResult(
                    fixture,
                    "process",
                    "java",
                    "process",
                    "segment",
                    100,
                    "logs/" + id + "/" + fixture + ".log",
                    "")
                .withRestores(3, 10, 20)),
        List.of(new TestResult("a.B", "c", test, 3, "", "", "")));
  }

  private static RunResult run(
      String runId, String module, String startedAt, long millis, SegmentResult... segments) {
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        runId,
        module,
        startedAt,
        millis,
        RunResult.Totals.of(List.of(segments)),
        List.of(segments));
  }

  private static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
