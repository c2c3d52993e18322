package io.segmented.maven;

import io.segmented.engine.fixture.Keeping;
import io.segmented.engine.fork.ClassData;
import io.segmented.engine.fork.FastStart;
import io.segmented.engine.fork.OwnClasspath;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.maven.plugin.logging.Log;

/**
 * One engine JVM ({@link EngineMain}), forked with the options of a JVM that lives seconds ({@link
 * FastStart}) and a class-data archive of its classpath ({@link ClassData}), or kept by an earlier
 * build of the module ({@link ResidentEngine}); its messages ({@link EngineLines}) relayed to
 * Maven's log and console as they come. While it runs, Maven's JVM going down (Ctrl-C, a signal)
 * stops it (SIGTERM, or the end of its input) and waits for it, so that its own hooks stop every
 * fixture and write the results first.
 */
final class EngineProcess {

  /** Every engine JVM of this build that has not exited, for the shutdown hook. */
  private static final Set<EngineProcess> LIVE = ConcurrentHashMap.newKeySet();

  /**
   * How long Maven's JVM going down waits for the engine JVMs it stopped: the engine's own hook
   * waits up to 60 s for its fixtures and 10 s more for the results.
   */
  static final Duration STOP_WAIT = Duration.ofSeconds(80);

  /** How long a run that ended waits for its engine JVM to exit, and again once it stopped it. */
  static final Duration EXIT_WAIT = Duration.ofSeconds(60);

  /** How long the relay of an exited JVM's last lines is waited for. */
  private static final Duration RELAY_WAIT = Duration.ofSeconds(5);

  /** The name of the class-data archive's segment, and of the engine's folder. */
  static final String ENGINE = OwnClasspath.ENGINE_FOLDER;

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(EngineProcess::stopAll, "segment-engine-stop"));
  }

  private final ProcessHandle handle;
  private final Optional<Process> process;
  private final InputStream output;
  private final Writer input;
  private final Path errors;
  private final ClassData classData;
  private final Optional<ClassData.Launch> launch;
  private final CompletableFuture<Optional<EngineLines.Ended>> ended = new CompletableFuture<>();
  private final Thread reader;
  private volatile boolean stays;
  private volatile Log log;

  private EngineProcess(
      ProcessHandle handle,
      Optional<Process> process,
      InputStream output,
      OutputStream input,
      Path errors,
      ClassData classData,
      Optional<ClassData.Launch> launch,
      Log log) {
    this.handle = handle;
    this.process = process;
    this.output = output;
    this.input = new OutputStreamWriter(input, StandardCharsets.UTF_8);
    this.errors = errors;
    this.classData = classData;
    this.launch = launch;
    this.log = log;
    // loaded now: a build that ends early (a failed compile after the head start) has Maven close
    // the plugin's realm before the relay passes on what the engine's hook says as it stops
    EngineLines.Ended.parse(EngineLines.Outcome.OK.line(""));
    EngineLines.unescape("");
    this.reader = new Thread(this::relay, "segment-engine-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Forks an engine JVM with {@code classpath}, its working files in {@code workDir}'s {@code
   * engine} folder and its class-data archives in {@code archives}, and hands it {@code properties}
   * as its system properties; its log goes to {@code log}. With a {@code key} ({@link #key}), it
   * stays after a run that keeps its fixtures ({@link ResidentEngine}).
   */
  static EngineProcess start(
      List<Path> classpath,
      Path workDir,
      Optional<Path> archives,
      Map<String, String> properties,
      Log log,
      Optional<String> key)
      throws IOException {
    Path dir = workDir.resolve(ENGINE);
    Files.createDirectories(dir);
    Path java = java();
    List<String> options = options();
    ClassData classData =
        archives.flatMap(EngineProcess::folder).map(ClassData::new).orElseGet(ClassData::none);
    ClassData.Launch launch =
        classData.launch(
            ENGINE, java, classpath, options, System::getenv, dir.resolve("engine.classlist"));
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(launch.jvmArgs());
    command.addAll(options);
    command.add("-XX:-UsePerfData");
    // the JVM's own warnings (a class-data archive it cannot map) go to its file, not to the
    // standard output its messages take
    command.add("-Xlog:disable");
    command.add("-Xlog:all=warning:stderr");
    command.add("-D" + EngineMain.DEBUG + "=" + log.isDebugEnabled());
    command.add("-cp");
    command.add(
        String.join(File.pathSeparator, launch.classpath().stream().map(Path::toString).toList()));
    command.add(EngineMain.class.getName());
    Path errors = dir.resolve("engine.log");
    Process process =
        new ProcessBuilder(command)
            .redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()))
            .start();
    EngineProcess engine =
        new EngineProcess(
            process.toHandle(),
            Optional.of(process),
            process.getInputStream(),
            process.getOutputStream(),
            errors,
            classData,
            Optional.of(launch),
            log);
    LIVE.add(engine);
    engine.send(EngineMain.PROPERTIES + encode(properties));
    if (key.isPresent()) {
      engine.send(EngineMain.KEY + key.get() + " " + errors);
    }
    return engine;
  }

  /**
   * The engine JVM an earlier build of the module in {@code basedir} kept ({@link ResidentEngine}),
   * when one runs as {@link #start} would fork it now and is free; its log going to {@code log}.
   */
  static Optional<EngineProcess> kept(Path basedir, String key, Log log) {
    Optional<ResidentEngine.Connected> connected =
        ResidentEngine.connect(
            basedir,
            key,
            answer -> log.info("The engine's JVM kept by an earlier build " + refusal(answer)));
    if (connected.isEmpty()) {
      return Optional.empty();
    }
    ResidentEngine.Connected c = connected.get();
    Optional<ProcessHandle> handle = ProcessHandle.of(c.pid());
    if (handle.isEmpty()) {
      ResidentEngine.closeQuietly(c.channel());
      return Optional.empty();
    }
    EngineProcess engine =
        new EngineProcess(
            handle.get(),
            Optional.empty(),
            c.in(),
            c.out(),
            c.log(),
            ClassData.none(),
            Optional.empty(),
            log);
    LIVE.add(engine);
    log.info(
        "The engine's JVM kept by an earlier build (pid "
            + c.pid()
            + ", "
            + Keeping.roughly(
                Duration.ofMillis(Math.max(0, System.currentTimeMillis() - c.startedMillis())))
            + " old) runs this one (-Dsegment.keep)");
    return Optional.of(engine);
  }

  /** Why the kept engine JVM did not take this build, from its {@code answer}. */
  private static String refusal(String answer) {
    return switch (answer) {
      case ResidentEngine.BUSY -> "runs another build now: this one forks its own";
      case ResidentEngine.OTHER ->
          "was forked otherwise (another plugin, JVM options, properties or environment): it"
              + " exits, and this build forks its own";
      default -> "did not answer (" + answer + "): this build forks its own";
    };
  }

  private static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  private static List<String> options() {
    return FastStart.added(List.of(), System::getenv);
  }

  /**
   * What a kept engine JVM must have been forked with to run this build ({@link ResidentEngine}):
   * the same Java, options, classpath (each jar's size and time too), passed properties, debug log,
   * working folder and environment (which its test JVMs inherit). Not its class-data archive, which
   * a later build would start with when the first made it.
   */
  static String key(List<Path> classpath, Map<String, String> properties, Log log) {
    StringBuilder key = new StringBuilder();
    key.append(java()).append('\n').append(options()).append('\n').append(log.isDebugEnabled());
    key.append('\n').append(System.getProperty("user.dir"));
    // the jars, and what Testcontainers and the Docker client read once per JVM: the Docker context
    String home = System.getProperty("user.home");
    List<Path> stamped = new ArrayList<>(classpath);
    stamped.add(Path.of(home, ".testcontainers.properties"));
    stamped.add(Path.of(home, ".docker", "config.json"));
    for (Path p : stamped) {
      File f = p.toFile();
      key.append('\n')
          .append(p)
          .append(' ')
          .append(f.length())
          .append(' ')
          .append(f.lastModified());
    }
    new TreeMap<>(properties).forEach((k, v) -> key.append('\n').append(k).append('=').append(v));
    new TreeMap<>(System.getenv())
        .forEach(
            (k, v) -> {
              if (!PER_COMMAND.matcher(k).matches()) {
                key.append("\nenv ").append(k).append('=').append(v);
              }
            });
    return ResidentEngine.hash(key.toString());
  }

  /**
   * Variables set anew for each command or terminal, which neither the engine nor a test reads: the
   * shell's, Maven's own command line, which {@code mvn} exports (what of it the run reads comes
   * with the run), the pid-named ones macOS's launcher sets, and a terminal's session.
   */
  private static final Pattern PER_COMMAND =
      Pattern.compile(
          "_|OLDPWD|SHLVL|MAVEN_CMD_LINE_ARGS|JAVA_MAIN_CLASS_\\d+|JAVA_STARTED_ON_FIRST_THREAD_\\d+"
              + "|TERM_SESSION_ID|ITERM_SESSION_ID|WINDOWID|TMUX_PANE|SSH_CLIENT|SSH_CONNECTION"
              + "|SSH_TTY|SSH_AUTH_SOCK|VSCODE_\\w+");

  /** {@code folder}, made if need be; empty when it cannot be: the archive is only a speed-up. */
  private static Optional<Path> folder(Path folder) {
    try {
      return Optional.of(Files.createDirectories(folder));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether the JVM still runs. */
  boolean alive() {
    return handle.isAlive();
  }

  /** From now on its log goes to {@code log}. */
  void logTo(Log log) {
    this.log = log;
  }

  void send(String line) throws IOException {
    synchronized (input) {
      input.write(line);
      input.write('\n');
      input.flush();
    }
  }

  /**
   * Waits for the run's outcome, then for the JVM's exit, and dumps its class-data archive when it
   * listed its classes; empty when the JVM ended without one.
   */
  Optional<EngineLines.Ended> outcome() throws InterruptedException {
    Optional<EngineLines.Ended> outcome;
    try {
      outcome = ended.get();
    } catch (InterruptedException e) {
      stop();
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException("the relay completes the outcome, never exceptionally", e);
    }
    // nothing more to send: the JVM's watch of its input ends now, rather than holding its exit
    // (HotSpot waits up to 0.3 s for every thread blocked in native code, such as a read)
    closeInput();
    if (stays) {
      // kept for the module's next build, whose Maven JVM it then answers: this one's leaves it
      LIVE.remove(this);
      return outcome;
    }
    int exit = awaitExit();
    if (exit == 0) {
      launch.ifPresent(ClassData.Launch::ran);
    }
    writeClassData();
    return outcome;
  }

  /**
   * The JVM's exit code, once it exited: stopped after {@link #EXIT_WAIT}, killed after twice; -1
   * while it runs, or when it is a kept one, whose code only its parent reads.
   */
  int exitCode() {
    return process.filter(p -> !p.isAlive()).map(Process::exitValue).orElse(-1);
  }

  /** Where the JVM's own output is, and its last lines, for a message. */
  String output() {
    try {
      List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
      if (lines.isEmpty()) {
        return errors.toString();
      }
      return errors
          + ", last:\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    } catch (IOException e) {
      return errors.toString();
    }
  }

  /**
   * Asks the JVM to stop what it started and exit: SIGTERM, through the process's handle ({@code
   * Process.destroy()} would close the pipe its last lines come through); where the platform has no
   * such signal (Windows, where it would kill the JVM at once), by closing its input, which the JVM
   * takes the same way.
   */
  void stop() {
    if (process.isPresent() && handle.supportsNormalTermination()) {
      handle.destroy();
      return;
    }
    // a kept JVM (not this one's child: no signal) takes its input's end the same way
    closeInput();
  }

  /** Closes the JVM's input, which it takes as Maven's end unless its run ended. */
  private void closeInput() {
    try {
      synchronized (input) {
        input.close();
      }
    } catch (IOException e) {
      // closed already
    }
  }

  private int awaitExit() {
    try {
      if (!exited(EXIT_WAIT.toNanos())) {
        log.warn(
            "The engine's JVM (pid "
                + handle.pid()
                + ") did not exit within "
                + EXIT_WAIT.toSeconds()
                + " s of its run's end; stopping it");
        stop();
        if (!exited(EXIT_WAIT.toNanos())) {
          handle.destroyForcibly();
          exited(EXIT_WAIT.toNanos());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop();
    }
    if (!handle.isAlive()) {
      LIVE.remove(this);
    }
    relayed();
    return exitCode();
  }

  /** Waits up to {@code nanos} for the JVM to exit; whether it did. */
  private boolean exited(long nanos) throws InterruptedException {
    try {
      handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    }
  }

  /** Dumps the class-data archive of the engine's classpath, the first time it was listed. */
  private void writeClassData() {
    try {
      for (ClassData.Written w : classData.write(EXIT_WAIT)) {
        log.debug(
            w.ok()
                ? "Class-data archive of the engine's JVM: "
                    + w.file().map(Path::toString).orElse("")
                    + ", "
                    + w.classes()
                    + " classes in "
                    + w.millis()
                    + " ms"
                : "No class-data archive of the engine's JVM: " + w.failure().orElse(""));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      classData.close();
    }
  }

  /** Relays the JVM's messages until its output ends. */
  private void relay() {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        pass(line);
      }
    } catch (IOException e) {
      // the JVM is gone
    } finally {
      ended.complete(Optional.empty());
    }
  }

  private void pass(String line) {
    if (line.length() < 2 || line.charAt(1) != ' ') {
      // not a message of ours: something that wrote to the JVM's standard output as it was
      System.out.println(line);
      return;
    }
    String text = EngineLines.unescape(line.substring(2));
    switch (line.charAt(0)) {
      case EngineLines.OUTCOME ->
          ended.complete(Optional.of(EngineLines.Ended.parse(line.substring(2))));
      case EngineLines.STAYS -> stays = true;
      case EngineLines.OUT -> System.out.println(text);
      case EngineLines.ERR -> System.err.println(text);
      case EngineLines.INFO -> log.info(text);
      case EngineLines.WARN -> log.warn(text);
      case EngineLines.ERROR -> log.error(text);
      case EngineLines.DEBUG -> log.debug(text);
      default -> System.out.println(line);
    }
  }

  /** Waits, briefly, until the relay has passed on what the exited JVM wrote last. */
  private void relayed() {
    try {
      reader.join(RELAY_WAIT.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String encode(Map<String, String> properties) {
    Properties p = new Properties();
    p.putAll(properties);
    return EngineLines.write(p);
  }

  /** Maven's JVM goes down: stops every engine JVM, and waits for each to stop what it started. */
  private static void stopAll() {
    for (EngineProcess engine : LIVE) {
      engine.stop();
    }
    long deadline = System.nanoTime() + STOP_WAIT.toNanos();
    for (EngineProcess engine : LIVE) {
      try {
        long left = deadline - System.nanoTime();
        if (engine.process.isEmpty()) {
          // a kept JVM (not this one's child): it ends the connection once it stopped what the
          // build began, and exits, or, when the build had not begun its run, stays
          engine.reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
          if (engine.reader.isAlive()) {
            engine.handle.destroyForcibly();
          }
          continue;
        }
        if (!engine.exited(Math.max(0, left))) {
          engine.handle.destroyForcibly();
        }
        // what its hook said, on Maven's console before Maven's JVM ends
        engine.relayed();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
