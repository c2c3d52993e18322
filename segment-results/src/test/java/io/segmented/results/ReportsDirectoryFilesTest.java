package io.segmented.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reports directory and the files in it as input: what is cleared (only a directory the plugin
 * made), which paths read from a results file are followed (only those inside), and the mode of
 * what is written (the umask's, as surefire's reports have).
 */
class ReportsDirectoryFilesTest {

  @TempDir Path dir;

  @Test
  void aDirectoryThePluginDidNotMakeLosesNothing() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("failsafe-reports"));
    Files.writeString(reports.resolve("TEST-com.acme.OrdersIT.xml"), "<testsuite/>");
    Files.createDirectories(reports.resolve("logs/app"));
    Files.writeString(reports.resolve("logs/app/server.log"), "mine");
    Path home = Files.createDirectories(dir.resolve("home"));
    Files.writeString(home.resolve(ResultsFiles.RESULTS_FILE), "{}");
    Files.writeString(home.resolve("notes.txt"), "mine too");
    Files.createDirectories(home.resolve("logs"));

    assertFalse(ResultsFiles.clear(reports));
    assertFalse(ResultsFiles.clear(home));

    assertEquals(
        List.of("TEST-com.acme.OrdersIT.xml", "logs", "logs/app", "logs/app/server.log"),
        tree(reports));
    assertEquals(List.of("logs", "notes.txt", ResultsFiles.RESULTS_FILE), tree(home));
  }

  @Test
  void aDirectoryThePluginMadeLosesTheLastRunOnly() throws Exception {
    Path reports = dir.resolve("segment-reports");
    assertTrue(ResultsFiles.clear(reports));
    ResultsFiles.write(reports, run(segment("orders", "logs/orders/db.log")));
    Files.writeString(reports.resolve("TEST-orders.com.acme.RepoIT.xml"), "<testsuite/>");
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/db.log"), "log");
    Files.writeString(reports.resolve("index.html"), "<html/>");
    // what writers killed mid-file left beside their targets, and a file of the user's
    Files.writeString(reports.resolve(".segment-results.json.k3x9.tmp"), "{\"sch");
    Files.writeString(reports.resolve(".TEST-orders.com.acme.RepoIT.xml.a1.tmp"), "<test");
    Files.writeString(reports.resolve(".index.html.zz.tmp"), "<ht");
    Files.writeString(reports.resolve(".notes.tmp"), "mine");

    assertTrue(ResultsFiles.clear(reports));

    assertEquals(List.of(".notes.tmp", ResultsFiles.MARKER), tree(reports));
  }

  @Test
  void aRunStartedWhileMavenCompilesSetsTheLogsItWritesAsideAndGivesThemBackWhenItNeverComes()
      throws Exception {
    Path reports = dir.resolve("segment-reports");
    assertTrue(ResultsFiles.clear(reports));
    ResultsFiles.write(reports, run(segment("orders", "logs/orders/db.log")));
    Files.writeString(reports.resolve("TEST-orders.com.acme.RepoIT.xml"), "<testsuite/>");
    Files.writeString(reports.resolve("index.html"), "<html/>");
    for (String log : List.of("orders/db.log", "orders/old-cache.log", "stock/www.log")) {
      Files.createDirectories(reports.resolve("logs").resolve(log).getParent());
      Files.writeString(reports.resolve("logs").resolve(log), "earlier run");
    }
    List<String> earlier = tree(reports);

    assertTrue(ResultsFiles.setAsideLogs(reports, Set.of("orders", "_run")));
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/db.log"), "a start whose run never came");
    Files.createDirectories(reports.resolve("logs/_run"));
    Files.writeString(reports.resolve("logs/_run/db.log"), "a start whose run never came");
    ResultsFiles.giveBackLogs(reports, Set.of("orders", "_run"));

    assertEquals(earlier, tree(reports), "a compile that fails leaves the earlier run as it was");
    assertEquals("earlier run", Files.readString(reports.resolve("logs/orders/db.log")));

    ResultsFiles.setAsideLogs(reports, Set.of("orders", "_run"));
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/db.log"), "this run");
    assertTrue(ResultsFiles.clear(reports, Set.of("orders", "_run")));

    assertEquals(
        List.of(ResultsFiles.MARKER, "logs", "logs/orders", "logs/orders/db.log"),
        tree(reports),
        "the run that came keeps only its own logs");
    assertEquals("this run", Files.readString(reports.resolve("logs/orders/db.log")));
  }

  @Test
  void theLogsAStartKilledBeforeItGaveThemBackSetAsideAreTheOnesTheNextStartKeeps()
      throws Exception {
    Path reports = dir.resolve("segment-reports");
    assertTrue(ResultsFiles.clear(reports));
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/db.log"), "earlier run");
    ResultsFiles.setAsideLogs(reports, Set.of("orders"));
    // the start writes its log, and its build is killed: nothing gives the earlier one back
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/db.log"), "a killed start's");

    ResultsFiles.setAsideLogs(reports, Set.of("orders"));
    ResultsFiles.giveBackLogs(reports, Set.of("orders"));

    assertEquals("earlier run", Files.readString(reports.resolve("logs/orders/db.log")));
    assertEquals(
        List.of(ResultsFiles.MARKER, "logs", "logs/orders", "logs/orders/db.log"), tree(reports));
  }

  @Test
  void aStartAheadMarksANewReportsDirectoryAndSetsNothingAsideInOneThePluginDidNotMake()
      throws Exception {
    assertTrue(ResultsFiles.setAsideLogs(dir.resolve("new"), Set.of("orders")));
    assertEquals(List.of(ResultsFiles.MARKER), tree(dir.resolve("new")));

    Path reports = Files.createDirectories(dir.resolve("failsafe-reports"));
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/server.log"), "mine");

    assertFalse(ResultsFiles.setAsideLogs(reports, Set.of("orders")));
    ResultsFiles.giveBackLogs(reports, Set.of("orders"));

    assertEquals(List.of("logs", "logs/orders", "logs/orders/server.log"), tree(reports));
  }

  @Test
  void theReportsOfAnEarlierVersionAreTakenOverAndCleared() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("segment-reports"));
    ResultsFiles.write(reports, run(segment("orders", "logs/orders/db.log")));
    Files.writeString(reports.resolve("TEST-orders.com.acme.RepoIT.xml"), "<testsuite/>");
    Files.createDirectories(reports.resolve("logs/orders"));
    Files.writeString(reports.resolve("logs/orders/db.log"), "log");

    assertTrue(ResultsFiles.clear(reports));

    assertEquals(List.of(ResultsFiles.MARKER), tree(reports));
    Path planned = Files.createDirectories(dir.resolve("planned"));
    Files.writeString(planned.resolve("segment-plan.json"), "{}");
    assertTrue(ResultsFiles.clear(planned), "segment:plan wrote it");
  }

  @Test
  void pathsFromAResultsFileAreFollowedOnlyInsideTheDirectory() throws Exception {
    Path reports = Files.createDirectories(dir.resolve("reports"));
    Files.writeString(dir.resolve("secret.txt"), "secret");
    Files.createDirectories(reports.resolve("logs/s"));
    Files.writeString(reports.resolve("logs/s/db.log"), "log");

    assertEquals(
        Optional.of(reports.resolve("logs/s/db.log").toAbsolutePath()),
        ResultsFiles.within(reports, "logs/s/db.log"));
    for (String outside :
        List.of(
            "../secret.txt",
            "logs/../../secret.txt",
            dir.resolve("secret.txt").toAbsolutePath().toString(),
            "",
            ".",
            "a\u0000b")) {
      assertEquals(Optional.empty(), ResultsFiles.within(reports, outside), outside);
    }
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Files.createSymbolicLink(reports.resolve("logs/s/link.log"), dir.resolve("secret.txt"));
    assertEquals(Optional.empty(), ResultsFiles.within(reports, "logs/s/link.log"));
  }

  @Test
  void aMergeRefusesASegmentIdThatIsNoPlainNameAndCopiesNoLink() throws Exception {
    Path shard = Files.createDirectories(dir.resolve("shard-1"));
    Path target = dir.resolve("merged");
    ResultsFiles.write(shard, run(segment("../../outside", "logs/../../outside/x.log")));

    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ResultsMerge.merge(List.of(shard), target));
    assertEquals(
        "segment id '../../outside' in "
            + shard.resolve("segment-results.json")
            + " is not a plain name, so its logs and JUnit XML cannot be found inside "
            + shard
            + ". segment:run writes no such id: merge reports directories that segment:run wrote",
        e.getMessage());
    assertFalse(Files.exists(target));

    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Files.writeString(dir.resolve("secret.txt"), "secret");
    ResultsFiles.write(shard, run(segment("orders", "logs/orders/db.log")));
    Files.createDirectories(shard.resolve("logs/orders"));
    Files.writeString(shard.resolve("logs/orders/db.log"), "log");
    Files.createSymbolicLink(shard.resolve("logs/orders/other.log"), dir.resolve("secret.txt"));

    ResultsMerge.merge(List.of(shard), target);

    assertEquals(
        List.of(
            ResultsFiles.MARKER,
            "logs",
            "logs/orders",
            "logs/orders/db.log",
            ResultsFiles.RESULTS_FILE),
        tree(target));
  }

  @Test
  void aMergeKeepsTheAdviceOfEveryShardOnceTheBestMeasuredMostSavingFirst() throws Exception {
    Path one = dir.resolve("shard-1");
    Path two = dir.resolve("shard-2");
    Advice legacy = new Advice.OnlySkipped("legacy", 1);
    ResultsFiles.write(
        one,
        run(segment("orders", "logs/orders/db.log"))
            .withAdvice(
                List.of(new Advice.Merge("count", "orders", List.of("db"), 1, 3000, 100), legacy)));
    ResultsFiles.write(
        two,
        run(segment("billing", "logs/billing/db.log"))
            .withAdvice(
                List.of(
                    legacy,
                    new Advice.Merge("count", "orders", List.of("db"), 4, 2500, 100),
                    new Advice.ShareFixture(
                        List.of("db"), List.of("orders", "billing"), 2, 4000))));

    RunResult merged = ResultsMerge.merge(List.of(one, two), dir.resolve("merged"));

    assertEquals(
        List.of(
            new Advice.ShareFixture(List.of("db"), List.of("orders", "billing"), 2, 4000),
            new Advice.Merge("count", "orders", List.of("db"), 4, 2500, 100),
            legacy),
        merged.advice());
    assertEquals(merged, ResultsFiles.read(dir.resolve("merged")));
  }

  @Test
  void resultsAndJUnitXmlHaveTheModeTheUmaskGives() throws Exception {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    SegmentResult orders = segment("orders", "logs/orders/db.log");
    ResultsFiles.write(dir, run(orders));
    JUnitXmlWriter.write(dir, orders);
    Path plain = Files.createFile(dir.resolve("plain"));

    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(f -> !f.equals(plain)).toList()) {
        assertEquals(
            Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f), f.toString());
      }
    }
  }

  static SegmentResult segment(String id, String log) {
    return new SegmentResult(
        id,
        "",
        List.of("a", "b"),
        Outcome.PASSED,
        "",
        "2026-01-01T00:00:00Z",
        10,
        4,
        5,
        1,
        List.of(
            new FixtureResult("db", "postgres", "postgres:16", "container", "segment", 1, log, "")),
        List.of(new TestResult("com.acme.RepoIT", "finds", TestOutcome.PASSED, 3, "", "", "")));
  }

  static RunResult run(SegmentResult... segments) {
    return new RunResult(
        RunResult.SCHEMA_VERSION,
        "run-1",
        "orders",
        "2026-01-01T00:00:00Z",
        20,
        RunResult.Totals.of(List.of(segments)),
        List.of(segments));
  }

  /** Every entry under {@code root}, relative, sorted. */
  private static List<String> tree(Path root) throws Exception {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk
          .filter(p -> !p.equals(root))
          .map(p -> root.relativize(p).toString())
          .collect(Collectors.toCollection(TreeSet::new))
          .stream()
          .toList();
    }
  }
}
