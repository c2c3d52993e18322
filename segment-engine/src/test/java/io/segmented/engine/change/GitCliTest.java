package io.segmented.engine.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git command gives the answer JGit gives, on real repositories; where it cannot answer it says
 * nothing, so that JGit reads the repository and says why.
 */
class GitCliTest {

  @TempDir Path dir;

  private final GitCli git = GitCli.onPath();

  @BeforeAll
  static void gitIsInstalled() throws Exception {
    assumeTrue(
        new ProcessBuilder("git", "--version").start().waitFor() == 0,
        "no git command: ChangedFiles reads with JGit alone");
  }

  /** Runs the git command in {@code dir}, as a developer would. */
  private static void gitCommand(Path dir, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    assertEquals(0, p.waitFor(), String.join(" ", command));
  }

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
  void theExecutableBitATouchedFileAndANestedRepositoryAsJGitSeesThem() throws Exception {
    try (TestRepo repo = TestRepo.withModule(dir)) {
      Path a = dir.resolve("app/src/main/java/A.java");
      Path b = dir.resolve("app/src/main/java/B.java");
      Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rwxr-xr-x"));
      // a user who turned off the index refresh: a newer time with the same content
      StoredConfig config = repo.git.getRepository().getConfig();
      config.setBoolean("diff", null, "autoRefreshIndex", false);
      config.save();
      Files.setLastModifiedTime(b, FileTime.from(Instant.now().plusSeconds(60)));
      try (Git nested = Git.init().setDirectory(dir.resolve("app/nested").toFile()).call()) {
        Files.writeString(dir.resolve("app/nested/N.java"), "class N {}\n");
      }

      assertEquals(
          List.of("nested"),
          List.copyOf(sameAsJGit(dir.resolve("app"), "HEAD", List.of()).paths()));
    }
  }

  @Test
  void aSparseCheckoutsMissingFileIsUnchanged() throws Exception {
    try (TestRepo repo = TestRepo.withModule(dir)) {
      gitCommand(dir, "update-index", "--skip-worktree", "app/src/main/java/B.java");
      repo.delete("app/src/main/java/B.java");

      assertEquals(
          List.of(), List.copyOf(sameAsJGit(dir.resolve("app"), "HEAD", List.of()).paths()));
    }
  }

  @Test
  void aFileRemovedFromTheIndexButStillThereIsLeftToJGit() throws Exception {
    try (TestRepo repo = TestRepo.withModule(dir)) {
      repo.git.rm().addFilepattern("app/src/main/java/B.java").setCached(true).call();

      assertEquals(Optional.empty(), git.read(dir.resolve("app"), "HEAD", List.of()));
      assertEquals(
          List.of(),
          List.copyOf(ChangedFiles.since(dir.resolve("app"), "HEAD", List.of()).paths()));
    }
  }

  @Test
  void saysNothingWhereJGitHasToSayWhy(@TempDir Path outside) throws Exception {
    try (TestRepo repo = TestRepo.withModule(dir)) {
      Path module = dir.resolve("app");
      assertEquals(Optional.empty(), git.read(module, "no-such-branch", List.of()));
      assertEquals(Optional.empty(), git.read(module, "HEAD^{tree}", List.of()));
      assertEquals(Optional.empty(), git.read(module, "--output=x", List.of()));
      // a ref in a syntax that git reads and JGit does not: it fails the same with or without git
      assertEquals(Optional.empty(), git.read(module, "HEAD@{0}", List.of()));
      assertEquals(Optional.empty(), git.read(module, "HEAD^{/first}", List.of()));
      assertEquals(Optional.empty(), git.read(outside, "HEAD", List.of()));
      assertEquals(
          Optional.empty(),
          new GitCli(outside.resolve("no-git-here").toString()).read(module, "HEAD", List.of()),
          "no git installed");
    }
  }
}
