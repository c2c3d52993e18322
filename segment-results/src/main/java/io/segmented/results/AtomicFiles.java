package io.segmented.results;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file whole or not at all: into a new file beside it, moved into place when complete, so
 * that a reader never sees half of it. The new file is made as any file is, so it gets the mode the
 * umask gives (0644 under the usual 022), as surefire's reports and the fixture logs do, and CI
 * artifact uploaders and other users can read it; {@link Files#createTempFile} would make it 0600.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code bytes} to {@code target}, replacing it; creates no directory. */
  public static void write(Path target, byte[] bytes) throws IOException {
    replace(target, tmp -> Files.write(tmp, bytes));
  }

  /**
   * Copies {@code source} to {@code target} in one step, as {@link #write} writes: a reader (a CI
   * server reading JUnit XML) never sees half of it, even when the build is killed meanwhile.
   */
  public static void copy(Path source, Path target) throws IOException {
    replace(target, tmp -> Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING));
  }

  /** What fills the new file beside the target. */
  private interface Fill {
    void into(Path tmp) throws IOException;
  }

  /** Replaces {@code target} by a new file {@code fill} fills; leaves no new file on failure. */
  private static void replace(Path target, Fill fill) throws IOException {
    Path tmp = newFileBeside(target);
    try {
      fill.into(tmp);
      moveIntoPlace(tmp, target);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A new empty file in {@code target}'s directory, hidden and named after it, for {@link
   * #moveIntoPlace}.
   */
  public static Path newFileBeside(Path target) throws IOException {
    while (true) {
      Path tmp =
          target.resolveSibling(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                  + ".tmp");
      try {
        return Files.createFile(tmp);
      } catch (FileAlreadyExistsException e) {
        // another writer's name: draw again
      }
    }
  }

  /** Replaces {@code target} by {@code tmp} in one step. */
  public static void moveIntoPlace(Path tmp, Path target) throws IOException {
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
