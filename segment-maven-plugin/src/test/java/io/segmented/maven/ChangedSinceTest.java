package io.segmented.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmented.engine.InputException;
import io.segmented.engine.RunRequest;
import io.segmented.engine.SegmentEngine;
import io.segmented.engine.plan.Plan;
import io.segmented.engine.plan.Selector;
import io.segmented.manifest.Interpolator;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.ManifestLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -Dsegment.changedSince} in the log, and a wrong ref as the user's input. */
class ChangedSinceTest {

  @TempDir Path dir;
  private Manifest manifest;
  private final List<String> lines = new ArrayList<>();
  private final SystemStreamLog log =
      new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
          lines.add(content.toString());
        }
      };

  @BeforeEach
  void module() throws Exception {
    Path file = dir.resolve("segments.yaml");
    Files.writeString(
        file,
        """
        version: 1
        segments:
          a:
            boundary: {between: [x, y], tests: {classes: ["*AIT"]}, covers: ["src/a/**"]}
          b:
            boundary: {between: [x, y], tests: {classes: ["*BIT"]}, covers: ["src/b/**"]}
        """);
    manifest = new ManifestLoader(Interpolator.of(dir, Map.of(), Map.of())).load(file);
  }

  private Plan plan(String ref) throws Exception {
    return new SegmentEngine()
        .plan(RunRequest.builder("m", dir, manifest).changedSince(ref).build());
  }

  @Test
  void noRefLogsNothing() throws Exception {
    ChangedSince.log(plan(" "), log);
    assertEquals(List.of(), lines);
  }

  @Test
  void logsWhatChangedAndWhyEachSelectedSegmentRuns() throws Exception {
    Files.createDirectories(dir.resolve("src/a"));
    Files.writeString(dir.resolve("src/a/A.java"), "class A {}\n");
    PersonIdent me = new PersonIdent("Test", "test@example.com");
    try (Git git = Git.init().setDirectory(dir.toFile()).call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("first").setAuthor(me).setCommitter(me).setSign(false).call();
    }
    Files.writeString(dir.resolve("src/a/A.java"), "class A { int a; }\n");

    Plan plan = plan("HEAD");
    ChangedSince.log(plan, log);

    assertEquals(
        List.of(
            "Changed since HEAD: 1 file(s) in the module, which select 1 of 2 segment(s)",
            "  a: src/a/A.java matches covers 'src/a/**'"),
        lines);
    assertEquals(
        List.of(true, false), plan.segments().stream().map(Plan.SegmentPlan::selected).toList());
    assertEquals(Optional.of(Selector.CHANGE), plan.segments().get(1).decision().leftOutBy());
  }

  @Test
  void aModuleOutsideGitIsTheUsersInputNamingTheRef() throws Exception {
    InputException e = assertThrows(InputException.class, () -> plan("origin/main"));
    assertEquals(
        "-Dsegment.changedSince=origin/main: "
            + dir.toRealPath()
            + " is not in a git repository (no .git in it or above it). Run in a git clone, or"
            + " leave out -Dsegment.changedSince to run every segment",
        e.describe());
  }
}
