package io.segmented.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and writes {@code segment-results.json}. Writes go to a temporary file first and are moved
 * into place, so a reader never sees a half-written file.
 */
public final class ResultsFiles {

  /** The results file's name inside the reports directory. */
  public static final String RESULTS_FILE = "segment-results.json";

  /** Where {@link #setAsideLogs} keeps an earlier run's logs, under {@code logs/}. */
  public static final String EARLIER_LOGS = ".earlier";

  /** The file that marks a reports directory the plugin made, and so may clear. */
  public static final String MARKER = ".segment-reports";

  /** The folder of the fixture and test JVM logs inside the reports directory. */
  public static final String LOGS = "logs";

  /** What else a run writes into the reports directory: the plan and the HTML report. */
  private static final String PLAN_FILE = "segment-plan.json";

  private static final String INDEX_FILE = "index.html";

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
   * Removes the results, JUnit XML, HTML report and logs of an earlier run from {@code reportsDir},
   * and only those, and only from a directory the plugin made: results of two runs must not mix,
   * and a directory named by mistake must not lose files. A directory is the plugin's when it holds
   * {@link #MARKER}, which this method leaves in a directory it creates or finds empty; an unmarked
   * one that holds a results or plan file and nothing but what a run writes (the results of an
   * earlier version, the plan of {@code segment:plan}) is marked and cleared too. Any other
   * directory is left as it is, and the run writes beside what is there.
   *
   * @return whether {@code reportsDir} is the plugin's and was cleared
   */
  public static boolean clear(Path reportsDir) throws IOException {
    return clear(reportsDir, Set.of());
  }

  /**
   * Whether {@code name} is a file that a writer of the results or the report began beside its
   * target ({@link AtomicFiles#newFileBeside}) and never moved into place: a build killed while it
   * wrote.
   */
  static boolean leftByAWriter(String name) {
    return name.endsWith(".tmp")
        && (name.startsWith(".TEST-")
            || name.startsWith("." + RESULTS_FILE + ".")
            || name.startsWith("." + INDEX_FILE + "."));
  }

  /**
   * As {@link #clear(Path)}, but keeps the folders of {@code logs/} named in {@code runsLogs}: this
   * run has written them already (the fixtures it started while Maven compiled), after {@link
   * #setAsideLogs} moved the earlier run's aside; those go now.
   */
  public static boolean clear(Path reportsDir, Set<String> runsLogs) throws IOException {
    if (!claim(reportsDir)) {
      return false;
    }
    try (Stream<Path> files = Files.list(reportsDir)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if ((name.startsWith("TEST-") && name.endsWith(".xml"))
            || name.equals(RESULTS_FILE)
            // the earlier run's report: it would show results, and link logs, that are gone
            || name.equals(INDEX_FILE)
            || leftByAWriter(name)) {
          Files.delete(f);
        }
      }
    }
    Path logs = reportsDir.resolve(LOGS);
    if (!Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (runsLogs.isEmpty()) {
      deleteTree(logs);
      return true;
    }
    try (Stream<Path> folders = Files.list(logs)) {
      for (Path folder : folders.toList()) {
        if (!runsLogs.contains(folder.getFileName().toString())) {
          deleteTree(folder);
        }
      }
    }
    return true;
  }

  /**
   * Moves the folders of {@code logs/} named in {@code folders} aside, into {@code logs/.earlier/},
   * in a reports directory the plugin made: a run that starts fixtures while Maven compiles writes
   * their logs there, and leaves the earlier run's results, report and logs in place until it runs,
   * so that a compile that fails leaves them as they were ({@link #giveBackLogs}). {@link
   * #clear(Path, Set)} removes what was set aside when the run comes.
   *
   * @return whether {@code reportsDir} is the plugin's (made now, if it was not there or empty)
   */
  public static boolean setAsideLogs(Path reportsDir, Set<String> folders) throws IOException {
    if (!claim(reportsDir)) {
      return false;
    }
    Path logs = reportsDir.resolve(LOGS);
    IOException failed = null;
    for (String folder : folders) {
      Path f = logs.resolve(folder);
      Path aside = logs.resolve(EARLIER_LOGS).resolve(folder);
      try {
        if (Files.exists(aside, LinkOption.NOFOLLOW_LINKS)) {
          // set aside by a start that was killed before it could give it back, and no run came
          // since (a run's clear removes it): those are the earlier run's logs, and the folder
          // holds the killed start's
          if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(f);
          }
        } else if (Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
          Files.createDirectories(aside.getParent());
          Files.move(f, aside);
        }
      } catch (IOException e) {
        failed = failed == null ? e : failed;
      }
    }
    if (failed != null) {
      throw failed;
    }
    return true;
  }

  /**
   * Undoes {@link #setAsideLogs}: the logs of a run that never came go, and the earlier run's come
   * back.
   */
  public static void giveBackLogs(Path reportsDir, Set<String> folders) throws IOException {
    if (!Files.isRegularFile(reportsDir.resolve(MARKER))) {
      return;
    }
    Path logs = reportsDir.resolve(LOGS);
    Path earlier = logs.resolve(EARLIER_LOGS);
    IOException failed = null;
    for (String folder : folders) {
      Path f = logs.resolve(folder);
      Path aside = earlier.resolve(folder);
      try {
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(f);
        }
        if (Files.isDirectory(aside, LinkOption.NOFOLLOW_LINKS)) {
          Files.move(aside, f);
        }
      } catch (IOException e) {
        // the next folder all the same: a log still held open must not keep the others aside
        failed = failed == null ? e : failed;
      }
    }
    if (Files.isDirectory(earlier, LinkOption.NOFOLLOW_LINKS) && isEmpty(earlier)) {
      Files.delete(earlier);
    }
    if (Files.isDirectory(logs, LinkOption.NOFOLLOW_LINKS) && isEmpty(logs)) {
      Files.delete(logs);
    }
    if (failed != null) {
      throw failed;
    }
  }

  /**
   * Whether {@code reportsDir} is the plugin's to clear: it holds {@link #MARKER}, or it is made
   * now (or found empty) and marked, or it holds nothing but what an earlier run wrote, and is
   * marked.
   */
  private static boolean claim(Path reportsDir) throws IOException {
    Path marker = reportsDir.resolve(MARKER);
    if (Files.isRegularFile(marker)) {
      return true;
    }
    if (Files.isDirectory(reportsDir) && !isEmpty(reportsDir) && !earlierRun(reportsDir)) {
      return false;
    }
    Files.createDirectories(reportsDir);
    Files.writeString(
        marker,
        "Made by segment-maven-plugin: each run removes the results, JUnit XML, report and logs/"
            + " of the run before it here.\n",
        StandardCharsets.UTF_8);
    return true;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isEmpty();
    }
  }

  /**
   * Whether {@code dir} holds the results or the plan of a run of an earlier version, or of a
   * {@code segment:plan}, and nothing a run or the report does not write. JUnit XML and a {@code
   * logs} folder alone are not enough: failsafe writes those too.
   */
  private static boolean earlierRun(Path dir) throws IOException {
    if (!Files.isRegularFile(dir.resolve(RESULTS_FILE))
        && !Files.isRegularFile(dir.resolve(PLAN_FILE))) {
      return false;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(f -> f.getFileName().toString())
          .allMatch(
              name ->
                  name.equals(RESULTS_FILE)
                      || name.equals(PLAN_FILE)
                      || name.equals(INDEX_FILE)
                      || name.equals(LOGS)
                      || (name.startsWith("TEST-") && name.endsWith(".xml"))
                      || (name.startsWith(".") && name.endsWith(".tmp")));
    }
  }

  /**
   * {@code relative}, a path read from a results file, resolved in {@code dir}; empty when it would
   * leave {@code dir}: absolute, with {@code ..} above it, or through a symbolic link out of it. A
   * results file may come from another machine (a shard's artifact), so its paths are input.
   */
  public static Optional<Path> within(Path dir, String relative) {
    Path base = dir.toAbsolutePath().normalize();
    Path resolved;
    try {
      Path given = Path.of(relative);
      if (given.isAbsolute() || relative.isEmpty()) {
        return Optional.empty();
      }
      resolved = base.resolve(given).normalize();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
    if (!resolved.startsWith(base) || resolved.equals(base)) {
      return Optional.empty();
    }
    if (Files.exists(resolved)) {
      try {
        if (!resolved.toRealPath().startsWith(base.toRealPath())) {
          return Optional.empty();
        }
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.of(resolved);
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
        if (Files.isSymbolicLink(p)) {
          // a link in another run's directory could point anywhere: what it names is not copied
          continue;
        }
        if (Files.isDirectory(p)) {
          Files.createDirectories(dest);
        } else {
          AtomicFiles.copy(p, dest);
        }
      }
    }
  }

  static void writeAtomically(Path target, byte[] bytes) throws IOException {
    AtomicFiles.write(target, bytes);
  }
}
