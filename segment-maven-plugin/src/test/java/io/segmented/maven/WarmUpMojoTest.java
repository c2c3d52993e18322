package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
