package io.segmented.engine.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/** A real git repository in a temporary folder, written and committed to as a developer would. */
final class TestRepo implements AutoCloseable {

  private static final PersonIdent AUTHOR = new PersonIdent("Test", "test@example.com");

  final Path dir;
  final Git git;

  private TestRepo(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** The manifest of {@link #withModule}'s module. */
  static final String MANIFEST =
      """
      version: 1
      segments:
        a:
          boundary: {between: [x, y], tests: {classes: ["*IT"]}}
        b:
          boundary: {between: [x, y], tests: {classes: ["*IT"]}}
      """;

  /**
   * A repository with a module in {@code app/} (its manifest {@link #MANIFEST}), a sibling module,
   * and ignored build output, committed on {@code main}.
   */
  static TestRepo withModule(Path dir) throws Exception {
    return init(dir)
        .write(".gitignore", "target/\n*.log\n")
        .write("app/pom.xml", "<project/>\n")
        .write("app/segments.yaml", MANIFEST)
        .write("app/src/main/java/A.java", "class A {}\n")
        .write("app/src/main/java/B.java", "class B {}\n")
        .write("app/src/main/java/Back.java", "class Back {}\n")
        .write("app/src/main/resources/old.sql", "select 1;\n")
        .write("other/C.java", "class C {}\n")
        .commit("first");
  }

  static TestRepo init(Path dir) throws GitAPIException {
    return new TestRepo(dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
  }

  /** Writes {@code text} to the repository-relative {@code path}, creating folders. */
  TestRepo write(String path, String text) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return this;
  }

  TestRepo delete(String path) throws IOException {
    Files.delete(dir.resolve(path));
    return this;
  }

  TestRepo add(String path) throws GitAPIException {
    git.add().addFilepattern(path).call();
    return this;
  }

  /** Stages everything, deletions included, and commits it. */
  TestRepo commit(String message) throws GitAPIException {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    git.commit().setMessage(message).setAuthor(AUTHOR).setCommitter(AUTHOR).setSign(false).call();
    return this;
  }

  @Override
  public void close() {
    git.close();
  }
}
