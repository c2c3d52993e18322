package io.segmented.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmented.engine.RunRequest;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Why a head start is dropped: the first thing that differs after the compile, named. */
class PlanDifferenceTest {

  @TempDir Path dir;

  private RunRequest.Builder request(String argLine) throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        fixtures:
          cache: {redis: {image: "redis:7"}}
        segments:
          prices:
            boundary: {between: [shop, cache], tests: {classes: ["*IT"]}}
            fixtures: [cache]
            jvmArgs: ["${argLine}"]
        """);
    return RunRequest.builder(
        "m",
        dir,
        new ManifestLoader(Interpolator.of(dir, Map.of("argLine", argLine), Map.of())).load(file));
  }

  @Test
  void theSameRequestHasNoDifference() throws Exception {
    assertEquals(
        Optional.empty(),
        PlanDifference.of(request("-Xmx256m").build(), request("-Xmx256m").build()));
  }

  @Test
  void aPropertySetDuringTheBuildNamesTheSegmentThatReadsOtherwise() throws Exception {
    assertEquals(
        Optional.of(
            "segment 'prices' of segments.yaml reads otherwise after the compile than when Maven"
                + " began (a property it uses was set during the build, by a plugin such as"
                + " JaCoCo's argLine, a reserved port or a commit id)"),
        PlanDifference.of(
            request("-Xmx256m").build(), request("-javaagent:jacoco.jar -Xmx256m").build()));
  }

  @Test
  void anotherParameterIsNamedWithBothValues() throws Exception {
    assertEquals(
        Optional.of("-Dit.test was FirstIT when Maven began and is *IT after the compile"),
        PlanDifference.of(
            request("-Xmx256m").tests("FirstIT", null, null).build(),
            request("-Xmx256m").tests("*IT", null, null).build()));
  }
}
