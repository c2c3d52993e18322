package io.segmented.engine.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedFilesTest {

  @TempDir Path dir;

  /** A repository with the module in {@code app/}, a sibling module, and ignored build output. */
  private TestRepo repo() throws Exception {
    return TestRepo.withModule(dir);
  }

  private static SortedSet<String> set(String... paths) {
    return new TreeSet<>(List.of(paths));
  }

  @Test
  void committedStagedUnstagedUntrackedAndDeletedFilesOfTheModule() throws Exception {
    try (TestRepo repo = repo()) {
      repo.write("app/src/main/java/B.java", "class B { int b; }\n")
          .write("app/src/main/java/Back.java", "class Back { int changed; }\n")
          .write("other/C.java", "class C { int c; }\n")
          .commit("second: committed since the ref");
      repo.write("app/src/main/java/Back.java", "class Back {}\n"); // changed back: no change
      repo.write("app/src/main/java/A.java", "class A { int a; }\n")
          .add("app/src/main/java/A.java");
      repo.write("app/segments.yaml", TestRepo.MANIFEST.replace("b:", "bee:")); // not staged
      repo.write("app/src/main/java/New.java", "class New {}\n"); // untracked
      repo.write("app/target/classes/A.class", "x").write("app/debug.log", "x"); // ignored
      repo.write("other/D.java", "class D {}\n"); // outside the module
      repo.delete("app/src/main/resources/old.sql");

      ChangedFiles changed =
          ChangedFiles.since(
              dir.resolve("app"), "HEAD~1", List.of(dir.resolve("app/segments.yaml")));

      assertEquals(
          set(
              "segments.yaml",
              "src/main/java/A.java",
              "src/main/java/B.java",
              "src/main/java/New.java",
              "src/main/resources/old.sql"),
          changed.paths());
      assertEquals("[5]", changed.linesOf("segments.yaml").toString());
      assertEquals(Set.of(), changed.linesOf("src/main/java/A.java"));
      assertEquals("HEAD~1", changed.ref());
    }
  }

  @Test
  void aModuleAtTheRootOfTheRepositorySeesEveryFile() throws Exception {
    try (TestRepo repo = repo()) {
      repo.write("other/C.java", "class C { int c; }\n").write("app/debug.log", "x");

      ChangedFiles changed = ChangedFiles.since(dir, "main", List.of());

      assertEquals(set("other/C.java"), changed.paths());
    }
  }

  @Test
  void nothingChanged() throws Exception {
    try (TestRepo repo = repo()) {
      assertEquals(set(), ChangedFiles.since(dir.resolve("app"), "HEAD", List.of()).paths());
    }
  }

  @Test
  void linesAddedRemovedAndChangedAreCountedOnTheNewSide() {
    byte[] before = "1\n2\n3\n4\n5\n6\n".getBytes();
    assertEquals("[3]", lines(before, "1\n2\nthree\n4\n5\n6\n"));
    assertEquals("[4, 5]", lines(before, "1\n2\n3\nnew\nnew\n4\n5\n6\n"));
    assertEquals("[3]", lines(before, "1\n2\n3\n5\n6\n")); // the line before the removal
    assertEquals("[1]", lines(before, "2\n3\n4\n5\n6\n"));
    assertEquals("[1, 2, 3]", lines(new byte[0], "a\nb\nc\n")); // a new file
    assertEquals("[]", lines(before, "1\n2\n3\n4\n5\n6\n"));
  }

  private static String lines(byte[] before, String after) {
    return LineChanges.changedLines(before, after.getBytes()).toString();
  }

  @Test
  void anUnknownRefSaysWhatToUse() throws Exception {
    try (TestRepo repo = repo()) {
      ChangeException e =
          assertThrows(
              ChangeException.class,
              () -> ChangedFiles.since(dir.resolve("app"), "no-such-branch", List.of()));
      assertEquals(
          "-Dsegment.changedSince=no-such-branch: no such git ref in "
              + dir.toRealPath()
              + ". Use a branch, tag or commit such as origin/main or HEAD~1; in a CI checkout,"
              + " fetch the branch first (git fetch origin main)",
          e.getMessage());
    }
  }

  @Test
  void aRefThatIsNoRevisionOrNoCommit() throws Exception {
    try (TestRepo repo = repo()) {
      assertEquals(
          "-Dsegment.changedSince=HEAD@{: not a git revision. Use a branch, tag or commit, such as"
              + " origin/main or HEAD~1",
          assertThrows(ChangeException.class, () -> ChangedFiles.since(dir, "HEAD@{", List.of()))
              .getMessage());
      assertEquals(
          "-Dsegment.changedSince=HEAD^{tree}: names no commit. Use a branch, tag or commit, such"
              + " as origin/main",
          assertThrows(
                  ChangeException.class, () -> ChangedFiles.since(dir, "HEAD^{tree}", List.of()))
              .getMessage());
    }
  }

  @Test
  void aModuleOutsideAnyRepositorySaysSo() throws Exception {
    ChangeException e =
        assertThrows(ChangeException.class, () -> ChangedFiles.since(dir, "HEAD", List.of()));
    assertEquals(
        "-Dsegment.changedSince=HEAD: "
            + dir.toRealPath()
            + " is not in a git repository (no .git in it or above it). Run in a git clone, or"
            + " leave out -Dsegment.changedSince to run every segment",
        e.getMessage());
  }

  @Test
  void aShallowCloneWhoseHistoryEndsBeforeTheRefSaysToFetchMore(@TempDir Path other)
      throws Exception {
    try (TestRepo repo = repo()) {
      repo.write("app/src/main/java/A.java", "class A { int a; }\n").commit("second");
      Path clone = other.resolve("clone");
      try (Git shallow =
          Git.cloneRepository()
              .setURI(dir.toUri().toString())
              .setDirectory(clone.toFile())
              .setDepth(1)
              .call()) {
        ChangeException e =
            assertThrows(
                ChangeException.class, () -> ChangedFiles.since(clone, "HEAD~1", List.of()));
        assertEquals(
            "-Dsegment.changedSince=HEAD~1: no such git ref in the shallow clone "
                + clone.toRealPath()
                + ": its history may end before it, or the ref was not fetched. Fetch more"
                + " history (git fetch --unshallow, or fetch-depth: 0 on actions/checkout) and"
                + " run again",
            e.getMessage());
        assertTrue(
            ChangedFiles.since(clone, "HEAD", List.of()).paths().isEmpty(),
            "the clone's own commit is there");
      }
    }
  }
}
