package io.segmented.engine.fork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * first, so it is done only when no file in the directories is also in a jar ({@link Shadowing});
 * otherwise the classpath stays as it is, no archive is made, and the run says why.
 *
 * <p>A segment's first test JVM, when no archive holds its classes yet, lists the classes it loads
 * ({@code -XX:DumpLoadedClassList}); once it has run its tests to the end ({@link Launch#ran}), the
 * list counts, and at the end of the run {@link #write} merges the lists with the archive's own and
 * dumps the archive ({@link ArchiveDump}), in the module's {@code target/segment-work/class-data},
 * keyed by the JDK (version and modules), the jars (path, size, time) and the few options that
 * change an archive's layout (compressed pointers, alignment). A JVM that finds a jar changed since
 * the dump does not map the archive (the JDK checks).
 */
public final class ClassData implements AutoCloseable {

  /** Where the archives are, in the run's working folder. */
  public static final String FOLDER = "class-data";

  /** Raised when what an archive holds, or how it is made, changes. */
  private static final String FORMAT = "class-data-2";

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

  /** Options that change the layout of an archive, so that one dumped without them is refused. */
  private static final Pattern LAYOUT =
      Pattern.compile("-XX:[+-]UseCompressed(Oops|ClassPointers)|-XX:ObjectAlignmentInBytes=\\d+");

  /**
   * Options of the module system, which a JVM that maps an archive must share with the one that
   * dumped it (JDK 25 says so in the JVM's output otherwise).
   */
  private static final List<String> MODULE_OPTIONS =
      List.of(
          "--add-opens",
          "--add-exports",
          "--add-reads",
          "--add-modules",
          "--limit-modules",
          "--patch-module",
          "--upgrade-module-path",
          "--module-path",
          "--enable-native-access");

  private static final Pattern MAX_HEAP = Pattern.compile("-Xmx(\\d+)([kKmMgGtT]?)");

  /** From this heap on the JVM does without compressed object pointers. */
  private static final long COMPRESSED_OOPS_LIMIT = 32L << 30;

  private final Path folder;
  private final Map<String, Optional<Archive>> archives = new ConcurrentHashMap<>();
  private final Map<Archive, Map<String, Path>> listed = new ConcurrentHashMap<>();
  private final Set<String> refusals = ConcurrentHashMap.newKeySet();
  private final ArchiveDump dump;

  /** The archives of a run whose working folder is {@code workDir}. */
  public ClassData(Path workDir) {
    this.folder = workDir.resolve(FOLDER);
    this.dump = new ArchiveDump(folder);
  }

  private ClassData() {
    this.folder = null;
    this.dump = null;
  }

  /** No archives: test JVMs start as they are. */
  public static ClassData none() {
    return new ClassData();
  }

  /**
   * One archive: its key, its files, and what the JDK dumps it from.
   *
   * @param java the {@code java} that dumps and maps it
   * @param jars the classpath it is dumped with: the jars of the test classpath, in their order
   * @param options the JVM options that must be the same at dump and at run time
   */
  record Archive(
      String key, Path file, Path classes, Path java, List<Path> jars, List<String> options) {}

  /** How to start one test JVM, and what to tell once it has run. */
  public final class Launch {
    private final List<Path> classpath;
    private final List<String> jvmArgs;
    private final Archive listing;
    private final String segment;
    private final Path classList;

    private Launch(
        List<Path> classpath,
        List<String> jvmArgs,
        Archive listing,
        String segment,
        Path classList) {
      this.classpath = List.copyOf(classpath);
      this.jvmArgs = List.copyOf(jvmArgs);
      this.listing = listing;
      this.segment = segment;
      this.classList = classList;
    }

    /** The classpath to give the JVM. */
    public List<Path> classpath() {
      return classpath;
    }

    /** The options to add before its own. */
    public List<String> jvmArgs() {
      return jvmArgs;
    }

    /** Whether the JVM lists the classes it loads, a list complete only once it has exited. */
    public boolean listsClasses() {
      return listing != null;
    }

    /**
     * The JVM ran its tests to the end: the classes it listed, if it listed them, are those the
     * segment loads, for {@link #write} to dump. A JVM that crashed, timed out or was stopped
     * before its tests lists only some, and its segment lists them again in a later run.
     */
    public void ran() {
      if (listing != null && Files.isRegularFile(classList)) {
        listed.computeIfAbsent(listing, k -> new ConcurrentHashMap<>()).put(segment, classList);
      }
    }
  }

  /**
   * How to start the test JVM of {@code segment} whose classpath is {@code classpath} and whose
   * options (all of them) are {@code jvmArgs}, the environment giving {@code env}. {@code
   * classList} is where the JVM lists the classes it loads when no archive holds the segment's yet;
   * null for a JVM that should not (a retry, a run of some of the tests).
   */
  public Launch launch(
      String segment,
      Path java,
      List<Path> classpath,
      List<String> jvmArgs,
      UnaryOperator<String> env,
      Path classList) {
    if (folder == null || chosen(jvmArgs, env)) {
      return new Launch(classpath, List.of(), null, segment, null);
    }
    List<String> options = options(jvmArgs);
    Optional<Archive> archive =
        archives.computeIfAbsent(
            String.join("\u0000", java.toString(), classpath.toString(), options.toString()),
            k -> archive(java, classpath, options));
    if (archive.isEmpty()) {
      return new Launch(classpath, List.of(), null, segment, null);
    }
    Archive a = archive.get();
    List<Path> reordered = new ArrayList<>(a.jars());
    classpath.stream().filter(p -> !a.jars().contains(p)).forEach(reordered::add);
    if (Files.isRegularFile(a.file()) && ClassLists.segments(a.classes()).contains(segment)) {
      return new Launch(
          reordered, List.of("-XX:SharedArchiveFile=" + a.file()), null, segment, null);
    }
    if (classList == null) {
      return new Launch(reordered, List.of(), null, segment, null);
    }
    try {
      Files.deleteIfExists(classList);
    } catch (IOException e) {
      return new Launch(reordered, List.of(), null, segment, null);
    }
    return new Launch(
        reordered, List.of("-XX:DumpLoadedClassList=" + classList), a, segment, classList);
  }

  /** What {@link #write} made of one archive, or why the run has none. */
  public record Written(Optional<Path> file, int classes, long millis, Optional<String> failure) {

    /** Whether the archive was written. */
    public boolean ok() {
      return failure.isEmpty();
    }
  }

  /**
   * Dumps the archives whose classes this run's test JVMs listed, each within {@code limit}, and
   * says why a classpath has none; a JVM that dumps is killed when the run is closed. Never throws
   * for an archive that cannot be made: it says why.
   */
  public List<Written> write(Duration limit) throws InterruptedException {
    List<Written> written = new ArrayList<>();
    refusals.forEach(r -> written.add(new Written(Optional.empty(), 0, 0, Optional.of(r))));
    refusals.clear();
    if (dump != null && !listed.isEmpty()) {
      Set<String> used = ConcurrentHashMap.newKeySet();
      archives.values().forEach(a -> a.ifPresent(x -> used.add(x.key())));
      written.addAll(dump.write(Map.copyOf(listed), used, limit));
    }
    listed.clear();
    return written;
  }

  /** Stops a dump under way (the build is going down) and any later one. */
  @Override
  public void close() {
    if (dump != null) {
      dump.close();
    }
  }

  /**
   * Forgets what it decided for each classpath, and says whether the launches it gave for {@code
   * classpath} still hold: no file in its folders is also in one of its jars, so the jars may still
   * come first. For a run whose first test JVMs started before the compile wrote those folders.
   */
  public boolean stillFits(List<Path> classpath) {
    archives.clear();
    if (folder == null) {
      return true; // no archive: Maven's order
    }
    List<Path> jars = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    split(classpath, jars, dirs);
    try {
      return jars.isEmpty() || Shadowing.first(dirs, jars).isEmpty();
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Adds {@code classpath}'s jars to {@code jars} and its folders to {@code dirs}. Anything else
   * (an entry not there yet, such as target/classes of a module without main code; a file that is
   * no jar) is in neither, and goes after the jars with the folders.
   */
  private static void split(List<Path> classpath, List<Path> jars, List<Path> dirs) {
    for (Path entry : classpath) {
      if (Files.isRegularFile(entry) && isJar(entry)) {
        jars.add(entry);
      } else if (Files.isDirectory(entry)) {
        dirs.add(entry);
      }
    }
  }

  /**
   * The archive of {@code classpath} for {@code java} with {@code options}, or none when the JDK
   * cannot make one (older than 17, unknown) or the classpath cannot be reordered.
   */
  private Optional<Archive> archive(Path java, List<Path> classpath, List<String> options) {
    try {
      Optional<String> jdk = JdkRelease.identity(java);
      if (jdk.isEmpty()) {
        return Optional.empty();
      }
      List<Path> jars = new ArrayList<>();
      List<Path> dirs = new ArrayList<>();
      split(classpath, jars, dirs);
      if (jars.isEmpty()) {
        return Optional.empty();
      }
      Optional<String> shadowed = Shadowing.first(dirs, jars);
      if (shadowed.isPresent()) {
        refusals.add(
            shadowed.get()
                + ", so the test JVMs keep Maven's order of the classpath, which decides which of"
                + " the two they get");
        return Optional.empty();
      }
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, FORMAT);
      update(digest, java.toRealPath().toString());
      update(digest, jdk.get());
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

  private static boolean isJar(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".jar") || name.endsWith(".zip");
  }

  /**
   * The options of {@code jvmArgs} that change an archive's layout: compressed pointers and object
   * alignment, and no compressed object pointers for a heap of 32 GiB or more. The collector is not
   * one: an archive dumped with the JDK's default maps under any.
   */
  static List<String> options(List<String> jvmArgs) {
    List<String> options = new ArrayList<>();
    for (int i = 0; i < jvmArgs.size(); i++) {
      String arg = jvmArgs.get(i);
      if (LAYOUT.matcher(arg).matches()) {
        options.add(arg);
      }
      if (MODULE_OPTIONS.contains(arg) && i + 1 < jvmArgs.size()) {
        options.add(arg);
        options.add(jvmArgs.get(++i));
      } else if (MODULE_OPTIONS.stream().anyMatch(o -> arg.startsWith(o + "="))) {
        options.add(arg);
      }
      Matcher heap = MAX_HEAP.matcher(arg);
      if (heap.matches() && bytes(heap.group(1), heap.group(2)) >= COMPRESSED_OOPS_LIMIT) {
        options.add("-XX:-UseCompressedOops");
      }
    }
    return List.copyOf(options);
  }

  private static long bytes(String number, String unit) {
    long n;
    try {
      n = Long.parseLong(number);
    } catch (NumberFormatException e) {
      return 0;
    }
    int shift =
        switch (unit.toLowerCase(Locale.ROOT)) {
          case "k" -> 10;
          case "m" -> 20;
          case "g" -> 30;
          case "t" -> 40;
          default -> 0;
        };
    return n >= (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : n << shift;
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

  private static void update(MessageDigest digest, String s) {
    digest.update(s.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
