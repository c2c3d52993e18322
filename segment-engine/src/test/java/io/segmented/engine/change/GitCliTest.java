package io.segmented.engine.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git command gives the answer JGit gives, on real repositories; where it cannot answer it says
 * nothing, so that JGit reads the repository and says why.
 */
class GitCliTest {

  @TempDir Path dir;

  private final GitCli git = GitCli.onPath();

  /** Both readers' answers, after asserting that git gave one. */
  private ChangedFiles sameAsJGit(Path module, String ref, List<Path> lineFiles) throws Exception {
    Optional<ChangedFiles> fast = git.read(module, ref, lineFiles);
    assertTrue(fast.isPresent(), "git answers for " + module + " since " + ref);
    ChangedFiles jgit = GitChanges.read(module, ref, lineFiles);
    assertEquals(jgit, fast.get());
    return fast.get();
  }

  @Test
  void committedStagedUnstagedUntrackedDeletedAndChangedLinesAsJGitSeesThem() throws Exception {
    try (TestRepo repo = TestRepo.withModule(dir)) {
      repo.write("app/src/main/java/B.java", "class B { int b; }\n")
          .write("app/src/main/java/Back.java", "class Back { int changed; }\n")
          .write("other/C.java", "class C { int c; }\n")
          .commit("second");
      repo.write("app/src/main/java/Back.java", "class Back {}\n"); // changed back
      repo.write("app/src/main/java/A.java", "class A { int a; }\n")
          .add("app/src/main/java/A.java");
      repo.write("app/segments.yaml", TestRepo.MANIFEST.replace("b:", "bee:"));
      repo.write("app/src/main/java/new dir/Ünïcode name.java", "class New {}\n"); // untracked
      repo.write("app/target/classes/A.class", "x").write("app/debug.log", "x"); // ignored
      repo.write("other/D.java", "class D {}\n");
      repo.delete("app/src/main/resources/old.sql");

      ChangedFiles changed =
          sameAsJGit(dir.resolve("app"), "HEAD~1", List.of(dir.resolve("app/segments.yaml")));

      assertEquals(
          List.of(
              "segments.yaml",
              "src/main/java/A.java",
              "src/main/java/B.java",
              "src/main/java/new dir/Ünïcode name.java",
              "src/main/resources/old.sql"),
          List.copyOf(changed.paths()));
      assertEquals("[5]", changed.linesOf("segments.yaml").toString());
    }
  }

  @Test
  void aManifestNewSinceTheRefChangedEveryLine() throws Exception {
    try (TestRepo repo = TestRepo.init(dir)) {
      repo.write("app/pom.xml", "<project/>\n").commit("first");
      repo.write("app/segments.yaml", "version: 1\nsegments: {}\n").add("app/segments.yaml");

      ChangedFiles changed =
          sameAsJGit(dir.resolve("app"), "main", List.of(dir.resolve("app/segments.yaml")));

      assertEquals("[1, 2]", changed.linesOf("segments.yaml").toString());
    }
  }

  @Test
  void aModuleAtTheRootSeesEveryFileAndNothingWhenNothingChanged() throws Exception {
    try (TestRepo repo = TestRepo.withModule(dir)) {
      assertEquals(List.of(), List.copyOf(sameAsJGit(dir, "HEAD", List.of()).paths()));
      repo.write("other/C.java", "class C { int c; }\n");
      assertEquals(
          List.of("other/C.java"), List.copyOf(sameAsJGit(dir, "HEAD", List.of()).paths()));
    }
  }

  @Test
  void saysNothingWhereJGitHasToSayWhy(@TempDir Path outside) throws Exception {
    try (TestRepo repo = TestRepo.withModule(dir)) {
      Path module = dir.resolve("app");
      assertEquals(Optional.empty(), git.read(module, "no-such-branch", List.of()));
      assertEquals(Optional.empty(), git.read(module, "HEAD^{tree}", List.of()));
      assertEquals(Optional.empty(), git.read(module, "--output=x", List.of()));
      assertEquals(Optional.empty(), git.read(outside, "HEAD", List.of()));
      assertEquals(
          Optional.empty(),
          new GitCli(outside.resolve("no-git-here").toString()).read(module, "HEAD", List.of()),
          "no git installed");
    }
  }
}
