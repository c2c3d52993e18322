package io.segmented.engine.fork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A class-data archive of the test JVMs' classpath (the JDK's CDS): the classes of the JDK and of
 * the dependency jars that a segment's tests load, parsed, verified and laid out once, then mapped
 * by every later test JVM instead of being loaded one by one. On the benchmark a test JVM spends a
 * third less CPU that way.
 *
 * <p>The JDK archives classes from jars only, and refuses a classpath whose directories ({@code
 * target/test-classes}, {@code target/classes}) come before the jars it archives; so a test JVM
 * that can use one runs with the jars first and the directories (and entries not there yet) after
 * them, each group in its own order. That changes which of two same-named files the JVM finds
 * first, so it is done only when no file in the directories is also in a jar; otherwise the
 * classpath stays as it is and no archive is made.
 *
 * <p>A segment's first test JVM without an archive that knows it lists the classes it loads ({@code
 * -XX:DumpLoadedClassList}); at the end of the run {@link #write} merges this run's lists with the
 * archive's own and dumps the archive with {@code java -Xshare:dump}, in the module's {@code
 * target/segment-work/class-data}, keyed by the JDK, the jars (path, size, time) and the JVM
 * options. A JVM that finds a stale archive (a jar changed since) just loads its classes as usual:
 * the JDK checks that itself.
 */
public final class ClassData implements AutoCloseable {

  /** Where the archives are, in the run's working folder. */
  public static final String FOLDER = "class-data";

  /** Raised when what an archive holds, or how it is made, changes. */
  private static final String FORMAT = "class-data-1";

  /** How many archives a module keeps; the oldest beyond are removed. */
  private static final int KEPT = 3;

  /** The first line of a class list: the segments whose tests it holds the classes of. */
  private static final String SEGMENTS = "# segments:";

  /** Options that say the user chose what the JVM shares, which the plugin then leaves alone. */
  private static final List<String> OWN_CHOICE =
      List.of(
          "Xshare",
          "SharedArchiveFile",
          "ArchiveClassesAtExit",
          "DumpLoadedClassList",
          "SharedClassListFile",
          "UseSharedSpaces",
          "AutoCreateSharedArchive",
          "AOTCache",
          "AOTMode",
          "AOTConfiguration");

  private final Path folder;
  private final Map<String, Optional<Archive>> archives = new ConcurrentHashMap<>();
  private final Map<Archive, Map<String, Path>> recorded = new ConcurrentHashMap<>();
  private Process dumping;
  private boolean closed;

  /** The archives of a run whose working folder is {@code workDir}. */
  public ClassData(Path workDir) {
    this.folder = workDir.resolve(FOLDER);
  }

  private ClassData() {
    this.folder = null;
  }

  /** No archives: test JVMs start as they are. */
  public static ClassData none() {
    return new ClassData();
  }

  /**
   * How to start one test JVM.
   *
   * @param classpath the classpath to give it
   * @param jvmArgs the options to add before its own
   */
  public record Launch(List<Path> classpath, List<String> jvmArgs) {}

  /**
   * One archive: its key, its files, and what the JDK dumps it from.
   *
   * @param java the {@code java} that dumps and maps it
   * @param jars the classpath it is dumped with: the jars of the test classpath, in their order
   * @param options the JVM options that must be the same at dump and at run time
   */
  record Archive(
      String key, Path file, Path classes, Path java, List<Path> jars, List<String> options) {}

  /**
   * How to start the test JVM of {@code segment} whose classpath is {@code classpath} and whose
   * options (all of them) are {@code jvmArgs}, the environment giving {@code env}. {@code
   * classList} is where the JVM lists the classes it loads when no archive holds the segment's yet;
   * null for a JVM that should not (a retry).
   */
  public Launch launch(
      String segment,
      Path java,
      List<Path> classpath,
      List<String> jvmArgs,
      UnaryOperator<String> env,
      Path classList) {
    if (folder == null || chosen(jvmArgs, env)) {
      return new Launch(classpath, List.of());
    }
    List<String> options = options(jvmArgs);
    Optional<Archive> archive =
        archives.computeIfAbsent(
            String.join("\u0000", java.toString(), classpath.toString(), options.toString()),
            k -> archive(java, classpath, options));
    if (archive.isEmpty()) {
      return new Launch(classpath, List.of());
    }
    Archive a = archive.get();
    List<Path> reordered = new ArrayList<>(a.jars());
    classpath.stream().filter(p -> !a.jars().contains(p)).forEach(reordered::add);
    if (Files.isRegularFile(a.file()) && segments(a.classes()).contains(segment)) {
      return new Launch(reordered, List.of("-XX:SharedArchiveFile=" + a.file()));
    }
    if (classList == null) {
      return new Launch(reordered, List.of());
    }
    recorded.computeIfAbsent(a, k -> new ConcurrentHashMap<>()).put(segment, classList);
    return new Launch(reordered, List.of("-XX:DumpLoadedClassList=" + classList));
  }

  /** What {@link #write} made of one archive. */
  public record Written(Path file, int classes, long millis, String failure) {

    /** Whether the archive was written. */
    public boolean ok() {
      return failure.isEmpty();
    }
  }

  /**
   * Dumps the archives whose classes this run listed, each within {@code limit}; a JVM that dumps
   * is killed when the thread is interrupted. Never throws for an archive that cannot be made: it
   * says why.
   */
  public List<Written> write(Duration limit) throws InterruptedException {
    List<Written> written = new ArrayList<>();
    for (Map.Entry<Archive, Map<String, Path>> e : recorded.entrySet()) {
      written.add(write(e.getKey(), e.getValue(), limit));
    }
    recorded.clear();
    return written;
  }

  private Written write(Archive archive, Map<String, Path> lists, Duration limit)
      throws InterruptedException {
    long start = System.nanoTime();
    Path log = folder.resolve(archive.key() + ".log");
    try {
      Set<String> segments = new TreeSet<>(lists.keySet());
      Set<String> classes = new LinkedHashSet<>();
      if (Files.isRegularFile(archive.file())) {
        segments.addAll(segments(archive.classes()));
        classes.addAll(classLines(archive.classes()));
      }
      for (Path list : lists.values()) {
        if (Files.isRegularFile(list)) {
          classes.addAll(classLines(list));
        }
      }
      if (classes.isEmpty()) {
        return new Written(archive.file(), 0, 0, "the test JVMs listed no classes");
      }
      Files.createDirectories(folder);
      String tmp = "." + ProcessHandle.current().pid() + "-" + System.nanoTime();
      Path classList = folder.resolve(archive.key() + ".classes" + tmp);
      Path file = folder.resolve(archive.key() + ".jsa" + tmp);
      List<String> lines = new ArrayList<>();
      lines.add(SEGMENTS + " " + String.join(" ", segments));
      lines.addAll(classes);
      Files.write(classList, lines, StandardCharsets.UTF_8);
      try {
        List<String> command = new ArrayList<>();
        command.add(archive.java().toString());
        command.add("-Xshare:dump");
        command.add("-XX:SharedClassListFile=" + classList);
        command.add("-XX:SharedArchiveFile=" + file);
        command.addAll(archive.options());
        command.add("-cp");
        command.add(join(archive.jars()));
        int exit = run(command, log, limit);
        if (exit != 0 || !Files.isRegularFile(file)) {
          return new Written(
              archive.file(),
              0,
              millisSince(start),
              "the JDK could not dump it (exit code " + exit + "), see " + log);
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
      removeOldest(archive);
      return new Written(
          archive.file(),
          (int) classes.stream().filter(c -> !c.startsWith("@")).count(),
          millisSince(start),
          "");
    } catch (IOException e) {
      return new Written(archive.file(), 0, millisSince(start), e.toString());
    }
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

  /** Removes the archives of other keys beyond the newest {@value #KEPT}, with their files. */
  private void removeOldest(Archive written) throws IOException {
    List<Path> others;
    try (Stream<Path> files = Files.list(folder)) {
      others =
          files
              .filter(p -> p.getFileName().toString().endsWith(".jsa"))
              .filter(p -> !p.equals(written.file()))
              .sorted((a, b) -> Long.compare(modified(b), modified(a)))
              .toList();
    }
    for (Path old : others.subList(Math.min(others.size(), KEPT - 1), others.size())) {
      String key = old.getFileName().toString().replaceFirst("\\.jsa$", "");
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

  /**
   * The archive of {@code classpath} for {@code java} with {@code options}, or none when the JDK
   * cannot make one (older than 17, unknown) or the classpath cannot be reordered.
   */
  private Optional<Archive> archive(Path java, List<Path> classpath, List<String> options) {
    try {
      Optional<String> version = JdkRelease.version(java);
      if (version.isEmpty() || JdkRelease.feature(version.get()) < 17) {
        return Optional.empty();
      }
      List<Path> jars = new ArrayList<>();
      List<Path> dirs = new ArrayList<>();
      for (Path entry : classpath) {
        if (Files.isRegularFile(entry)) {
          jars.add(entry);
        } else if (Files.isDirectory(entry)) {
          dirs.add(entry);
        }
        // an entry that is not there yet (target/classes of a module without main code) goes
        // after the jars with the folders
      }
      if (jars.isEmpty() || Shadowing.any(dirs, jars)) {
        return Optional.empty();
      }
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, FORMAT);
      update(digest, java.toRealPath().toString());
      update(digest, version.get());
      options.forEach(o -> update(digest, o));
      for (Path jar : jars) {
        update(digest, jar.toAbsolutePath().toString());
        update(digest, Long.toString(Files.size(jar)));
        update(digest, Long.toString(Files.getLastModifiedTime(jar).toMillis()));
      }
      String key = HexFormat.of().formatHex(digest.digest()).substring(0, 16);
      return Optional.of(
          new Archive(
              key,
              folder.resolve(key + ".jsa"),
              folder.resolve(key + ".classes"),
              java,
              List.copyOf(jars),
              options));
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /**
   * The options that lay out what the archive holds (collector, compressed pointers, heap): those
   * of {@code jvmArgs} that start with {@code -X}, but for logging.
   */
  private static List<String> options(List<String> jvmArgs) {
    return jvmArgs.stream()
        .filter(o -> o.startsWith("-X"))
        .filter(o -> !o.startsWith("-Xlog"))
        .toList();
  }

  /** Whether the user chose what the JVM shares, in its options or the environment's. */
  private static boolean chosen(List<String> jvmArgs, UnaryOperator<String> env) {
    List<String> all = new ArrayList<>(jvmArgs);
    for (String variable : FastStart.OPTION_VARIABLES) {
      String value = env.apply(variable);
      if (value != null) {
        all.add(value);
      }
    }
    return all.stream().anyMatch(o -> OWN_CHOICE.stream().anyMatch(o::contains));
  }

  /** The segments whose classes the class list {@code file} holds; none without it. */
  private static Set<String> segments(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        return Set.of();
      }
      try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
        return lines
            .findFirst()
            .filter(l -> l.startsWith(SEGMENTS))
            .map(l -> Set.of(l.substring(SEGMENTS.length()).strip().split("\\s+")))
            .orElse(Set.of());
      }
    } catch (IOException | UncheckedIOException e) {
      return Set.of();
    }
  }

  /** The lines of a class list that name a class (comments left out). */
  private static List<String> classLines(Path list) throws IOException {
    try (Stream<String> lines = Files.lines(list, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static String join(List<Path> paths) {
    return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  private static void update(MessageDigest digest, String s) {
    digest.update(s.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static long millisSince(long start) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
  }
}
