package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which builds connect to Docker early: only those that run segments. */
class WarmUpMojoTest {

  @Test
  void buildsThatRunSegments() {
    assertTrue(WarmUpMojo.runsSegments(List.of("segment:run")));
    assertTrue(WarmUpMojo.runsSegments(List.of("clean", "verify")));
    assertTrue(WarmUpMojo.runsSegments(List.of("install")));
    assertTrue(WarmUpMojo.runsSegments(List.of("segment:integration-test", "segment:verify")));
    assertTrue(WarmUpMojo.runsSegments(List.of("io.segmented:segment-maven-plugin:0.2.0:run")));
  }

  @Test
  void buildsThatDoNot() {
    assertFalse(WarmUpMojo.runsSegments(List.of()));
    assertFalse(WarmUpMojo.runsSegments(List.of("clean", "test")));
    assertFalse(WarmUpMojo.runsSegments(List.of("compile", "segment:plan", "segment:validate")));
    assertFalse(WarmUpMojo.runsSegments(List.of("segment:prune", "site")));
    assertFalse(WarmUpMojo.runsSegments(List.of("other:run", "exec:java")));
    assertFalse(
        WarmUpMojo.runsSegments(List.of("segment:plan@ci", "before:test", "after:package")));
  }

  @Test
  void theHeadStartIsForBuildsWhereOnlyTheRunGoalRunsSegments() {
    assertTrue(WarmUpMojo.onlyTheRunGoal(List.of("segment:run")));
    assertTrue(WarmUpMojo.onlyTheRunGoal(List.of("clean", "package", "segment:run@ci")));
    assertTrue(WarmUpMojo.onlyTheRunGoal(List.of("io.segmented:segment-maven-plugin:0.2.0:run")));
    // the lifecycle packages before integration-test: an image or jar a fixture runs may be built
    assertFalse(WarmUpMojo.onlyTheRunGoal(List.of("verify")));
    assertFalse(WarmUpMojo.onlyTheRunGoal(List.of("install", "segment:run")));
    assertFalse(WarmUpMojo.onlyTheRunGoal(List.of("segment:integration-test")));
    assertFalse(WarmUpMojo.onlyTheRunGoal(List.of("clean", "test")));
  }

  @Test
  void readingAheadABrokenManifestAndHistorySaysAndThrowsNothing(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("segments.yaml"), "version: 1\nsegments: [not, a, map\n");
    Files.writeString(dir.resolve("history.json"), "{ not json");
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try {
      System.setOut(capture);
      System.setErr(capture);
      WarmUpMojo.readAhead(dir, Map.of(), dir.resolve("segments.yaml").toFile(), "history.json");
      WarmUpMojo.readAhead(dir, Map.of(), dir.resolve("missing.yaml").toFile(), "missing.json");
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    assertEquals("", printed.toString(StandardCharsets.UTF_8));
  }
}
