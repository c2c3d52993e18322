package io.segmented.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Reads and writes {@code segment-results.json}. Writes go to a temporary file first and are moved
 * into place, so a reader never sees a half-written file.
 */
public final class ResultsFiles {

  /** The results file's name inside the reports directory. */
  public static final String RESULTS_FILE = "segment-results.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ResultsFiles() {}

  /** Writes {@code result} as {@code reportsDir/segment-results.json}. */
  public static Path write(Path reportsDir, RunResult result) {
    Path target = reportsDir.resolve(RESULTS_FILE);
    try {
      Files.createDirectories(reportsDir);
      writeAtomically(target, JSON.writeValueAsBytes(result));
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Reads the results file of {@code reportsDir}. */
  public static RunResult read(Path reportsDir) throws IOException {
    return JSON.readValue(reportsDir.resolve(RESULTS_FILE).toFile(), RunResult.class);
  }

  /**
   * Removes the results, JUnit XML and logs of an earlier run from {@code reportsDir}, and only
   * those: results of two runs must not mix.
   */
  public static void clear(Path reportsDir) throws IOException {
    if (!Files.isDirectory(reportsDir)) {
      return;
    }
    try (Stream<Path> files = Files.list(reportsDir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if ((name.startsWith("TEST-") && name.endsWith(".xml")) || name.equals(RESULTS_FILE)) {
          Files.delete(f);
        }
      }
    }
    Path logs = reportsDir.resolve("logs");
    if (Files.isDirectory(logs)) {
      try (Stream<Path> walk = Files.walk(logs)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  /**
   * Copies the folder {@code from} into {@code to}, replacing files that are there; none: nothing.
   */
  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path dest = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
