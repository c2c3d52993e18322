package io.segmented.engine.fork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Dumps class-data archives with {@code java -Xshare:dump}, in a folder of a module's own: under a
 * lock that holds across builds (two builds of one module read, merge and replace an archive one
 * after the other), each archive and its class list written aside and moved into place, the newest
 * {@value #KEPT} archives kept, and what a killed build left half-written removed.
 */
final class ArchiveDump implements AutoCloseable {

  /** How many archives a module keeps; the oldest beyond are removed. */
  static final int KEPT = 3;

  /** What a dump writes aside: {@code <key>.jsa.<pid>-<nanos>}, then moved into place. */
  private static final Pattern ASIDE = Pattern.compile("[0-9a-f]+\\.(jsa|classes)\\.\\d+-\\d+");

  /** A file written aside this long ago belongs to no dump under way. */
  private static final Duration ABANDONED = Duration.ofMinutes(10);

  private final Path folder;
  private Process dumping;
  private boolean closed;

  ArchiveDump(Path folder) {
    this.folder = folder;
  }

  /**
   * Dumps each archive of {@code listed} (its segments' class lists by segment) with its own class
   * list, each within {@code limit}; then removes the archives beyond the newest {@value #KEPT},
   * never one of {@code used} (the keys this run used).
   */
  List<ClassData.Written> write(
      Map<ClassData.Archive, Map<String, Path>> listed, Set<String> used, Duration limit)
      throws InterruptedException {
    List<ClassData.Written> written = new ArrayList<>();
    try {
      Files.createDirectories(folder);
      try (FileChannel channel =
              FileChannel.open(
                  folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        removeAbandoned();
        for (Map.Entry<ClassData.Archive, Map<String, Path>> e : listed.entrySet()) {
          written.add(write(e.getKey(), e.getValue(), limit));
        }
        removeOldest(used);
      }
    } catch (IOException | UncheckedIOException e) {
      written.add(
          new ClassData.Written(
              Optional.empty(), 0, 0, Optional.of("cannot write in " + folder + ": " + e)));
    }
    return written;
  }

  private ClassData.Written write(
      ClassData.Archive archive, Map<String, Path> lists, Duration limit)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    Set<String> segments = new TreeSet<>(lists.keySet());
    List<Path> sources = new ArrayList<>();
    if (Files.isRegularFile(archive.file())) {
      // read under the lock: what another build added since this one started counts too
      segments.addAll(ClassLists.segments(archive.classes()));
      sources.add(archive.classes());
    }
    sources.addAll(lists.values());
    Set<String> classes = ClassLists.merged(sources);
    if (classes.isEmpty()) {
      return failed(archive, start, "the test JVMs listed no classes");
    }
    String aside = "." + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path classList = folder.resolve(archive.key() + ".classes" + aside);
    Path file = folder.resolve(archive.key() + ".jsa" + aside);
    Path log = folder.resolve(archive.key() + ".log");
    try {
      List<String> lines = new ArrayList<>();
      lines.add(ClassLists.SEGMENTS + " " + String.join(" ", segments));
      lines.addAll(classes);
      Files.write(classList, lines, StandardCharsets.UTF_8);
      List<String> command = new ArrayList<>();
      command.add(archive.java().toString());
      command.add("-Xshare:dump");
      command.add("-XX:SharedClassListFile=" + classList);
      command.add("-XX:SharedArchiveFile=" + file);
      command.addAll(archive.options());
      command.add("-cp");
      command.add(
          String.join(
              java.io.File.pathSeparator, archive.jars().stream().map(Path::toString).toList()));
      int exit = run(command, log, limit);
      if (exit != 0 || !Files.isRegularFile(file)) {
        return failed(
            archive,
            start,
            exit == -1
                ? "the JDK did not dump it within " + limit.toSeconds() + " s, see " + log
                : "the JDK could not dump it (exit code " + exit + "), see " + log);
      }
      Files.move(
          file,
          archive.file(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      Files.move(
          classList,
          archive.classes(),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(classList);
    }
    return new ClassData.Written(
        Optional.of(archive.file()),
        ClassLists.classes(classes),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
        Optional.empty());
  }

  private static ClassData.Written failed(ClassData.Archive archive, long start, String why) {
    return new ClassData.Written(
        Optional.of(archive.file()),
        0,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
        Optional.of(why));
  }

  /**
   * Runs {@code command}, its output to {@code log}; its exit code, or -1 past {@code limit} or
   * once closed.
   */
  private int run(List<String> command, Path log, Duration limit)
      throws IOException, InterruptedException {
    Process process;
    synchronized (this) {
      if (closed) {
        return -1;
      }
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      dumping = process;
    }
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        return -1;
      }
      return process.exitValue();
    } finally {
      process.destroyForcibly();
      synchronized (this) {
        dumping = null;
      }
    }
  }

  /** Stops a dump under way (the build is going down) and any later one. */
  @Override
  public synchronized void close() {
    closed = true;
    if (dumping != null) {
      dumping.destroyForcibly();
    }
  }

  /** Removes what a killed build wrote aside and never moved into place. */
  private void removeAbandoned() throws IOException {
    long before = System.currentTimeMillis() - ABANDONED.toMillis();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.toList()) {
        if (ASIDE.matcher(p.getFileName().toString()).matches() && modified(p) < before) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /**
   * Removes the archives (with their class lists and dump logs) beyond the newest {@value #KEPT},
   * never one of {@code used}.
   */
  private void removeOldest(Set<String> used) throws IOException {
    Map<String, Long> newest = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path p : files.toList()) {
        String name = p.getFileName().toString();
        int dot = name.indexOf('.');
        if (dot > 0 && List.of(".jsa", ".classes", ".log").contains(name.substring(dot))) {
          newest.merge(name.substring(0, dot), modified(p), Math::max);
        }
      }
    }
    List<String> newestFirst =
        newest.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
            .map(Map.Entry::getKey)
            .toList();
    int kept = 0;
    for (String key : newestFirst) {
      if (used.contains(key) || kept < KEPT) {
        kept++;
        continue;
      }
      for (String suffix : List.of(".jsa", ".classes", ".log")) {
        Files.deleteIfExists(folder.resolve(key + suffix));
      }
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
