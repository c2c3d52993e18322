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
