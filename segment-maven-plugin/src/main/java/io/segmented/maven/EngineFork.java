package io.segmented.maven;

import io.segmented.engine.fork.ClassData;
import io.segmented.engine.fork.OwnClasspath;
import io.segmented.manifest.Durations;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The engine in a JVM of its own ({@code -Dsegment.fork}): Maven's JVM forks {@link EngineMain}
 * ({@link EngineProcess}) with the plugin's classpath, so that the engine's classes
 * (Testcontainers, its Docker client, Jackson, FreeMarker, the JDBC drivers) are mapped from a
 * class-data archive ({@link ClassData}) rather than loaded and compiled in Maven's JVM, where they
 * slow {@code javac} and Maven's own JIT. {@code segment:warm-up} forks it as the build begins, and
 * it connects to Docker and takes its head start while Maven compiles; the run goal hands it the
 * run and relays its log. When Maven's JVM is killed, the engine's JVM sees its input end and stops
 * what it started itself.
 */
final class EngineFork {

  /**
   * The engine JVMs {@code segment:warm-up} forks ahead, by module, until a run takes them: each
   * forked on a thread of its own, while Maven goes on.
   */
  private static final Map<Path, CompletableFuture<Optional<EngineProcess>>> AHEAD =
      new ConcurrentHashMap<>();

  /**
   * The system properties of Maven's JVM that the engine's reads too: the Docker client's and
   * Testcontainers' settings, the proxies and the trust store, the temporary folder (process
   * records, the kept fixtures' watcher) and the home folder (Docker's and Testcontainers'
   * configuration files).
   */
  private static final Pattern PASSED =
      Pattern.compile(
          "(?i:DOCKER_|docker\\.|testcontainers\\.|api\\.version$)"
              + "|(https?|socks)\\.?[pP]roxy|https?\\.nonProxyHosts|javax\\.net\\.ssl\\."
              + "|java\\.io\\.tmpdir$|user\\.home$");

  private EngineFork() {}

  /**
   * Forks the engine JVM of {@code basedir} ahead, on a thread of its own, unless it was: its log
   * going to {@code log} until a run takes it; {@code workDir} is the run's working folder, {@code
   * target/segment-work}, and {@code archives} the folder of the class-data archives of the
   * engine's classpath, the same for every module of the build (empty for none). Hands it {@code
   * headStart}, the inputs of the run to begin while Maven compiles, if any. With {@code keep}
   * ({@code -Dsegment.keep}, empty when the engine's JVM is not to be kept), the engine JVM an
   * earlier build kept takes the build when it can ({@link ResidentEngine}), and the one forked may
   * stay. What fails is said at debug level, and the run forks its engine JVM itself.
   */
  static void ahead(
      Path basedir,
      Path workDir,
      Optional<Path> archives,
      Log log,
      Optional<RunInputs> headStart,
      String keep) {
    AHEAD.computeIfAbsent(
        basedir,
        k -> {
          CompletableFuture<Optional<EngineProcess>> forked = new CompletableFuture<>();
          Thread starting =
              new Thread(
                  () -> {
                    EngineProcess engine = null;
                    try {
                      engine = keptOrForked(basedir, workDir, archives, keep, log);
                      if (headStart.isPresent()) {
                        engine.send(EngineMain.HEAD_START + headStart.get().encode());
                      }
                    } catch (IOException | RuntimeException | LinkageError e) {
                      log.debug("The engine's JVM is not forked, or begins nothing, ahead", e);
                    } finally {
                      // only now: a run that took it before would send its run first
                      forked.complete(Optional.ofNullable(engine));
                    }
                  },
                  "segment-engine-fork");
          starting.setDaemon(true);
          starting.start();
          return forked;
        });
  }

  /**
   * Stops the engine JVM forked ahead for {@code basedir}, if any: a run of this module in Maven's
   * JVM does not use it.
   */
  static void drop(Path basedir) {
    take(basedir).ifPresent(EngineProcess::stop);
  }

  /**
   * Runs the goal of {@code inputs} in the engine JVM forked ahead for its module, or in one forked
   * now (its class-data archives in {@code archives}), or in the one an earlier build kept when
   * {@code keepEngine}; relays its log to {@code log}, waits for it to exit (unless it stays), and
   * fails as the goal failed.
   */
  static void run(RunInputs inputs, Optional<Path> archives, Log log, boolean keepEngine)
      throws MojoExecutionException, MojoFailureException {
    String keep = keepEngine ? inputs.selection().keep() : "";
    EngineProcess engine = take(inputs.basedir()).filter(EngineProcess::alive).orElse(null);
    try {
      if (engine == null) {
        engine = keptOrForked(inputs.basedir(), inputs.workDir(), archives, keep, log);
      }
      engine.logTo(log);
      engine.send(EngineMain.RUN + inputs.encode());
    } catch (IOException | RuntimeException e) {
      if (engine != null) {
        engine.stop();
      }
      throw new MojoExecutionException(
          "cannot start the engine's JVM for the segments of "
              + inputs.projectId()
              + ": "
              + e
              + ". Run them in Maven's JVM with -Dsegment.fork=false"
              + (engine != null ? "; what the engine's JVM said is in " + engine.output() : ""),
          e);
    }
    Optional<EngineLines.Ended> outcome;
    try {
      outcome = engine.outcome();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException(
          "interrupted while the segments of " + inputs.projectId() + " ran", e);
    }
    if (outcome.isEmpty()) {
      throw new MojoExecutionException(
          "the engine's JVM of "
              + inputs.projectId()
              + " ended (exit code "
              + engine.exitCode()
              + ") before its run did; what it said is in "
              + engine.output()
              + ". Results so far are in "
              + inputs.reportsDir()
              + ". -Dsegment.fork=false runs the engine in Maven's JVM");
    }
    EngineLines.Ended ended = outcome.get();
    switch (ended.outcome()) {
      case OK -> {
        // passed
      }
      case FAIL -> throw new MojoFailureException(ended.message());
      case ERROR -> throw new MojoExecutionException(ended.message());
    }
  }

  /**
   * The engine JVM a build of the module in {@code basedir} takes: the one an earlier build kept,
   * when this build keeps its fixtures too ({@code keep}) and it is free, else one forked now
   * ({@link EngineProcess#start}), which may stay when {@code keep} keeps fixtures. The key both
   * need is made once.
   */
  private static EngineProcess keptOrForked(
      Path basedir, Path workDir, Optional<Path> archives, String keep, Log log)
      throws IOException {
    List<Path> classpath = classpath();
    Map<String, String> passed = passed();
    Optional<String> key = keepFor(keep).map(d -> EngineProcess.key(classpath, passed, log));
    Optional<EngineProcess> kept = key.flatMap(k -> EngineProcess.kept(basedir, k, log));
    return kept.isPresent()
        ? kept.get()
        : EngineProcess.start(classpath, workDir, archives, passed, log, key);
  }

  /**
   * How long {@code -Dsegment.keep} keeps fixtures, and so the engine's JVM; empty when it keeps
   * none (unset, 0, false) or says no duration (the run says why).
   */
  static Optional<Duration> keepFor(String keep) {
    if (keep == null || keep.isBlank() || keep.equals("0") || keep.equals("false")) {
      return Optional.empty();
    }
    return Durations.parse(keep).filter(d -> !d.isZero() && !d.isNegative());
  }

  /** The engine JVM forked ahead for {@code basedir}, once forked; empty when none was. */
  private static Optional<EngineProcess> take(Path basedir) {
    CompletableFuture<Optional<EngineProcess>> forked = AHEAD.remove(basedir);
    if (forked == null) {
      return Optional.empty();
    }
    try {
      return forked.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      return Optional.empty();
    }
  }

  /** The plugin's classpath, with the plugin API's log and SLF4J, which Maven gives its plugins. */
  private static List<Path> classpath() {
    return OwnClasspath.of(
        EngineFork.class,
        List.of(org.apache.maven.plugin.logging.Log.class, org.slf4j.LoggerFactory.class));
  }

  /** The system properties of this JVM that the engine's gets as well ({@link #PASSED}). */
  static Map<String, String> passed() {
    Map<String, String> passed = new TreeMap<>();
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (PASSED.matcher(name).lookingAt()) {
                passed.put(name, System.getProperty(name));
              }
            });
    return passed;
  }
}
