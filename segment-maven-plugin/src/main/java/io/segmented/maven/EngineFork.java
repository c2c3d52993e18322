package io.segmented.maven;

import io.segmented.engine.fork.ClassData;
import io.segmented.engine.fork.FastStart;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The engine in a JVM of its own ({@code -Dsegment.fork}): Maven's JVM forks {@link EngineMain}
 * with the plugin's classpath, the options of a JVM that lives seconds ({@link FastStart}) and a
 * class-data archive of that classpath, made by the first build ({@link ClassData}), so that the
 * engine's classes (Testcontainers, its Docker client, Jackson, FreeMarker, the JDBC driver) are
 * mapped rather than loaded and compiled in Maven's JVM, where they slow {@code javac} and Maven's
 * own JIT. {@code segment:warm-up} forks it as the build begins, and it connects to Docker and
 * takes its head start while Maven compiles; the run goal hands it the run and relays its log.
 *
 * <p>When Maven's JVM goes down (Ctrl-C, a signal), it stops the engine's JVM (SIGTERM) and waits
 * for it, so that the engine's own hooks stop every fixture and write the results first. When
 * Maven's JVM is killed, the engine's JVM sees its input end and does the same.
 */
final class EngineFork {

  /**
   * The engine JVMs {@code segment:warm-up} forks ahead, by module, until a run takes them: each
   * forked on a thread of its own, while Maven goes on.
   */
  private static final Map<Path, CompletableFuture<EngineFork>> AHEAD = new ConcurrentHashMap<>();

  /** Every engine JVM of this build that has not exited, for the shutdown hook. */
  private static final Set<EngineFork> LIVE = ConcurrentHashMap.newKeySet();

  /**
   * How long Maven's JVM going down waits for an engine JVM it stopped: the engine's own hook waits
   * up to 60 s for its fixtures and 10 s more for the results.
   */
  static final Duration STOP_WAIT = Duration.ofSeconds(80);

  /** How long the relay of an exited JVM's last lines is waited for. */
  private static final Duration RELAY_WAIT = Duration.ofSeconds(5);

  /** How long a run that ended waits for its engine JVM to exit. */
  static final Duration EXIT_WAIT = Duration.ofSeconds(60);

  private static final String SEGMENT = "engine";

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(EngineFork::stopAll, "segment-engine-stop"));
  }

  private final Process process;
  private final Writer input;
  private final Path errors;
  private final ClassData classData;
  private final ClassData.Launch launch;
  private final CompletableFuture<String> outcome = new CompletableFuture<>();
  private volatile Log log;
  private final Thread reader;

  private EngineFork(
      Process process, Path errors, ClassData classData, ClassData.Launch launch, Log log) {
    this.process = process;
    this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.errors = errors;
    this.classData = classData;
    this.launch = launch;
    this.log = log;
    this.reader = new Thread(this::relay, "segment-engine-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Forks the engine JVM of {@code basedir} ahead, on a thread of its own, unless it was: its log
   * going to {@code log} until a run takes it; {@code workDir} is the run's working folder, {@code
   * target/segment-work}, and {@code archives} the folder of the class-data archives of the
   * engine's classpath, the same for every module of the build. Hands it the head start that {@code
   * headStart} makes there, if any: the inputs of the run to begin while Maven compiles. What fails
   * is said at debug level, and the run forks its engine JVM itself.
   */
  static void ahead(
      Path basedir, Path workDir, Path archives, Log log, Callable<Optional<RunInputs>> headStart) {
    AHEAD.computeIfAbsent(
        basedir,
        k -> {
          CompletableFuture<EngineFork> forked = new CompletableFuture<>();
          Thread starting =
              new Thread(
                  () -> {
                    try {
                      EngineFork fork = start(workDir, archives, log);
                      forked.complete(fork);
                      Optional<RunInputs> inputs = headStart.call();
                      if (inputs.isPresent()) {
                        fork.send(EngineMain.HEAD_START + inputs.get().encode());
                      }
                    } catch (Exception | LinkageError e) {
                      log.debug("The engine's JVM is not forked, or begins nothing, ahead: " + e);
                      forked.completeExceptionally(e);
                    }
                  },
                  "segment-engine-fork");
          starting.setDaemon(true);
          starting.start();
          return forked;
        });
  }

  /** The engine JVM forked ahead for {@code basedir}, once forked; empty when none was. */
  private static Optional<EngineFork> takeAhead(Path basedir) {
    CompletableFuture<EngineFork> forked = AHEAD.remove(basedir);
    if (forked == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(forked.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  /**
   * Runs the goal of {@code inputs} in the engine JVM forked ahead for its module, or in one forked
   * now (its class-data archives in {@code archives}); relays its log to {@code log}, waits for it
   * to exit, and fails as the goal failed.
   */
  static void run(RunInputs inputs, Path archives, Log log)
      throws MojoExecutionException, MojoFailureException {
    EngineFork fork = takeAhead(inputs.basedir()).orElse(null);
    try {
      if (fork == null || !fork.process.isAlive()) {
        fork = start(inputs.workDir(), archives, log);
      }
      fork.log = log;
      fork.send(EngineMain.RUN + inputs.encode());
    } catch (IOException e) {
      throw new MojoExecutionException(
          "cannot start the engine's JVM for the segments of "
              + inputs.projectId()
              + ": "
              + e.getMessage()
              + ". Run them in Maven's JVM with -Dsegment.fork=false",
          e);
    }
    fork.finish(inputs);
  }

  /** Waits for the run's outcome and the JVM's exit; throws as the goal failed. */
  private void finish(RunInputs inputs) throws MojoExecutionException, MojoFailureException {
    String result;
    try {
      result = outcome.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException(
          "interrupted while the segments of " + inputs.projectId() + " ran", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    int exit = awaitExit();
    if (result == null) {
      throw new MojoExecutionException(
          "the engine's JVM of "
              + inputs.projectId()
              + " ended (exit code "
              + exit
              + ") before its run did; what it said is in "
              + errors
              + tail()
              + ". Results so far are in "
              + inputs.reportsDir());
    }
    if (exit == 0) {
      launch.ran();
    }
    writeClassData();
    if (result.equals(EngineLines.OK)) {
      return;
    }
    int space = result.indexOf(' ');
    String kind = space < 0 ? result : result.substring(0, space);
    String message = space < 0 ? "" : EngineLines.unescape(result.substring(space + 1));
    if (kind.equals(EngineLines.FAIL)) {
      throw new MojoFailureException(message);
    }
    throw new MojoExecutionException(message);
  }

  /** Dumps the class-data archive of the engine's classpath, the first time it was listed. */
  private void writeClassData() {
    try {
      for (ClassData.Written w : classData.write(EXIT_WAIT)) {
        if (w.ok()) {
          log.debug(
              "Class-data archive of the engine's JVM: "
                  + w.file().map(Path::toString).orElse("")
                  + ", "
                  + w.classes()
                  + " classes in "
                  + w.millis()
                  + " ms");
        } else {
          log.debug("No class-data archive of the engine's JVM: " + w.failure().orElse(""));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      classData.close();
    }
  }

  private void send(String line) throws IOException {
    synchronized (input) {
      input.write(line);
      input.write('\n');
      input.flush();
    }
  }

  /** Relays the engine JVM's messages until its output ends. */
  private void relay() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.isEmpty()) {
          continue;
        }
        char kind = line.charAt(0);
        String text = line.length() > 2 ? line.substring(2) : "";
        switch (kind) {
          case EngineLines.OUTCOME -> outcome.complete(text);
          case EngineLines.OUT -> System.out.println(EngineLines.unescape(text));
          case EngineLines.ERR -> System.err.println(EngineLines.unescape(text));
          case EngineLines.INFO -> log.info(EngineLines.unescape(text));
          case EngineLines.WARN -> log.warn(EngineLines.unescape(text));
          case EngineLines.ERROR -> log.error(EngineLines.unescape(text));
          case EngineLines.DEBUG -> log.debug(EngineLines.unescape(text));
          default -> log.info(line);
        }
      }
    } catch (IOException e) {
      // the JVM is gone
    } finally {
      outcome.complete(null);
    }
  }

  /** The JVM's exit code, once it has exited; stopped after {@link #EXIT_WAIT}. */
  private int awaitExit() {
    try {
      if (!process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn(
            "The engine's JVM (pid "
                + process.pid()
                + ") did not exit within "
                + EXIT_WAIT.toSeconds()
                + " s of its run's end; stopping it");
        process.toHandle().destroy();
        process.waitFor(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      LIVE.remove(this);
    }
    relayed();
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** Waits, briefly, until the relay has passed on what the exited JVM wrote last. */
  private void relayed() {
    try {
      reader.join(RELAY_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines of the JVM's own output, for a message. */
  private String tail() {
    try {
      List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return "";
      }
      return ", last:\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** Forks an engine JVM. */
  private static EngineFork start(Path workDir, Path archives, Log log) throws IOException {
    Path dir = workDir.resolve(SEGMENT);
    Files.createDirectories(dir);
    Files.createDirectories(archives);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> options = FastStart.added(List.of(), System::getenv);
    ClassData classData = new ClassData(archives);
    ClassData.Launch launch =
        classData.launch(
            SEGMENT, java, classpath(), options, System::getenv, dir.resolve("engine.classlist"));
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(launch.jvmArgs());
    command.addAll(options);
    command.add("-XX:-UsePerfData");
    command.add("-D" + EngineMain.DEBUG + "=" + log.isDebugEnabled());
    command.add("-cp");
    command.add(
        String.join(File.pathSeparator, launch.classpath().stream().map(Path::toString).toList()));
    command.add(EngineMain.class.getName());
    Path errors = dir.resolve("engine.log");
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.to(errors.toFile()))
            .start();
    EngineFork fork = new EngineFork(process, errors, classData, launch, log);
    LIVE.add(fork);
    return fork;
  }

  /**
   * The plugin's classpath: its realm's jars, and those of the API it gets from Maven's (the plugin
   * API's log, SLF4J).
   */
  static List<Path> classpath() {
    Set<Path> entries = new LinkedHashSet<>();
    if (EngineFork.class.getClassLoader() instanceof URLClassLoader loader) {
      for (URL url : loader.getURLs()) {
        path(url).ifPresent(entries::add);
      }
    } else {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        entries.add(Path.of(entry));
      }
    }
    for (Class<?> api : List.of(Log.class, org.slf4j.LoggerFactory.class)) {
      path(api.getProtectionDomain().getCodeSource().getLocation()).ifPresent(entries::add);
    }
    return List.copyOf(entries);
  }

  private static Optional<Path> path(URL url) {
    try {
      return Optional.of(Path.of(url.toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Maven's JVM goes down: stops every engine JVM, and waits for each to stop what it started. */
  private static void stopAll() {
    for (EngineFork fork : LIVE) {
      // SIGTERM through its handle: Process.destroy() would also close the pipes, and what the
      // engine's hook says would not reach Maven's console
      fork.process.toHandle().destroy();
    }
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    for (EngineFork fork : LIVE) {
      try {
        long left = deadline - System.nanoTime();
        if (!fork.process.waitFor(Math.max(0, left), TimeUnit.NANOSECONDS)) {
          fork.process.destroyForcibly();
        }
        // what its hook said, on Maven's console before Maven's JVM ends
        fork.relayed();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
