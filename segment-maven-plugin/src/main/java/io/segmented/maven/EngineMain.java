package io.segmented.maven;

import io.segmented.engine.SegmentEngine;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.slf4j.LoggerFactory;

/**
 * The engine's own JVM ({@code -Dsegment.fork}), which Maven's forks ({@link EngineProcess}): it
 * takes commands on its standard input, one line each: first the system properties of Maven's JVM
 * that the engine reads ({@code properties}), then {@code head-start} and {@code run}, each with
 * the goal's {@link RunInputs}. It connects to the Docker engine once it has the properties, runs
 * the run goal as Maven's JVM would ({@link RunGoal}) and writes its log and outcome as {@link
 * EngineLines} on its standard output; then it exits, or, when the run keeps its fixtures ({@code
 * -Dsegment.keep}) and Maven's JVM gave it a {@code key}, stays for the module's next builds
 * ({@link KeptEngine}), which send the same commands on its socket and get the same messages back.
 * When its input ends before the run has ended (Maven's JVM is gone), it exits at once, and its
 * shutdown hooks stop what it started, as Ctrl-C would.
 */
public final class EngineMain {

  /** The system property that turns the log's debug lines on. */
  static final String DEBUG = "segment.engine.debug";

  static final String PROPERTIES = "properties ";
  static final String KEY = "key ";
  static final String HEAD_START = "head-start ";
  static final String RUN = "run ";

  /** The exit status when Maven's JVM went away before the run ended. */
  static final int ORPHANED = 3;

  /** The exit status when a command could not be carried out. */
  static final int BROKEN = 2;

  /**
   * Whether this JVM is exiting (Maven's JVM went away during a run, a signal): it stays for no
   * build.
   */
  private static volatile boolean exiting;

  /** Whether this JVM is exiting. */
  static boolean exiting() {
    return exiting;
  }

  private EngineMain() {}

  public static void main(String[] args) {
    Switch output = new Switch(new FileOutputStream(FileDescriptor.out));
    PrintStream protocol = new PrintStream(output, true, StandardCharsets.UTF_8);
    int status = 0;
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> exiting = true, "segment-engine-exiting"));
    try {
      // whatever else writes to System.out (GitHub's workflow commands) reaches Maven's System.out
      System.setOut(
          new PrintStream(
              new EngineLines.OutLines(protocol, EngineLines.OUT), true, StandardCharsets.UTF_8));
      EngineLines.LineLog log = new EngineLines.LineLog(protocol, Boolean.getBoolean(DEBUG));
      // Testcontainers' and docker-java's lines to the build's log (SLF4J 1.7: Maven 3); SLF4J 2
      // (Maven 4) finds no logger and says so on the JVM's own standard error (a file of the run's
      // working folder), before System.err goes to Maven's, as the shutdown hook's lines do
      EngineLogging.to(log);
      LoggerFactory.getILoggerFactory();
      System.setErr(
          new PrintStream(
              new EngineLines.OutLines(protocol, EngineLines.ERR), true, StandardCharsets.UTF_8));
      status = serve(output, protocol, log);
    } catch (Throwable e) {
      // a line that cannot be read, an engine that cannot start: the run Maven asks for ends so
      say(protocol, EngineLines.Outcome.ERROR.line("the engine's JVM broke: " + e));
      status = BROKEN;
    } finally {
      // after the run, or an input that ended before one (Maven's JVM is gone, or had nothing to
      // run): the hooks stop what a head start began
      System.exit(status);
    }
  }

  /**
   * Carries out the commands of the input until the run; returns the exit status, or, when the run
   * keeps its fixtures, stays for the module's next build ({@link ResidentEngine}).
   */
  private static int serve(Switch output, PrintStream protocol, EngineLines.LineLog log)
      throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line != null && line.startsWith(PROPERTIES)) {
      Properties set = EngineLines.read(line.substring(PROPERTIES.length()));
      set.stringPropertyNames().forEach(k -> System.setProperty(k, set.getProperty(k)));
      line = in.readLine();
    }
    Optional<KeptEngine> kept = Optional.empty();
    if (line != null && line.startsWith(KEY)) {
      String[] words = line.substring(KEY.length()).split(" ", 2);
      kept = Optional.of(new KeptEngine(words[0], Path.of(words[1]), output, protocol, log));
      line = in.readLine();
    }
    SegmentEngine engine = new SegmentEngine();
    engine.warmUp();
    Optional<Ran> ran = commands(in, line, log, engine, new ArrayList<>());
    if (ran.isEmpty()) {
      return 0;
    }
    Optional<Duration> stay = kept.isPresent() ? ran.get().stay() : Optional.empty();
    Optional<ResidentEngine.Listening> listening =
        stay.flatMap(d -> ResidentEngine.listen(ran.get().inputs().basedir()));
    if (listening.isPresent()) {
      kept.get().stays(stay.get());
    } else if (stay.isPresent()) {
      log.debug(
          "The engine's JVM does not stay: another holds the module's socket, or none can be made");
    }
    say(protocol, ran.get().outcome());
    if (listening.isEmpty()) {
      return 0;
    }
    synchronized (protocol) {
      output.to(OutputStream.nullOutputStream());
    }
    kept.get().serve(listening.get(), stay.get());
    return 0;
  }

  /**
   * Carries out the head start and the run of {@code in}, from {@code line} on, with {@code
   * engine}; the run and its outcome, or empty when the input ended before a run. {@code
   * headStarted} gets the module of each head start.
   */
  static Optional<Ran> commands(
      BufferedReader in,
      String line,
      EngineLines.LineLog log,
      SegmentEngine engine,
      List<Path> headStarted)
      throws IOException {
    for (; line != null; line = in.readLine()) {
      if (line.startsWith(HEAD_START)) {
        RunInputs inputs = RunInputs.decode(line.substring(HEAD_START.length()));
        headStarted.add(inputs.basedir());
        engine.headStart(
            inputs.basedir(),
            () ->
                inputs.request(
                    RunGoal.readManifest(inputs.basedir(), inputs.properties(), inputs.manifest())),
            inputs.runtime());
        Thread ahead = new Thread(RunGoal::prepareReport, "segment-warm-up-read-ahead");
        ahead.setDaemon(true);
        ahead.start();
      } else if (line.startsWith(RUN)) {
        RunInputs inputs = RunInputs.decode(line.substring(RUN.length()));
        AtomicBoolean ended = new AtomicBoolean();
        watchForEnd(in, ended);
        try {
          return Optional.of(new Ran(inputs, run(engine, log, inputs)));
        } finally {
          // before the outcome, after which Maven closes the input: its end is no longer Maven's
          ended.set(true);
        }
      }
    }
    return Optional.empty();
  }

  /** A run that ended, and its {@link EngineLines#OUTCOME} message. */
  record Ran(RunInputs inputs, String outcome) {

    /**
     * How long the JVM stays for the module's next build: as long as the run keeps its fixtures
     * ({@code -Dsegment.keep}); empty when it keeps none, or the run broke (a fresh JVM is safer).
     */
    Optional<Duration> stay() {
      if (exiting) {
        return Optional.empty();
      }
      // the message's text, after its kind
      if (EngineLines.Ended.parse(outcome.substring(2)).outcome() == EngineLines.Outcome.ERROR) {
        return Optional.empty();
      }
      return EngineFork.keepFor(inputs.selection().keep());
    }
  }

  /** The engine's output, to the Maven JVM it serves now: nowhere while it waits for one. */
  static final class Switch extends OutputStream {
    private volatile OutputStream to;

    Switch(OutputStream to) {
      this.to = to;
    }

    void to(OutputStream next) {
      to = next;
    }

    @Override
    public void write(int b) throws IOException {
      to.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      to.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      to.flush();
    }
  }

  static void say(PrintStream protocol, String line) {
    synchronized (protocol) {
      protocol.println(line);
    }
  }

  /** Runs the goal; its outcome as an {@link EngineLines#OUTCOME} message. Throws nothing. */
  private static String run(SegmentEngine engine, EngineLines.LineLog log, RunInputs inputs) {
    try {
      new RunGoal(engine, log).run(inputs, inputs::runtimeOrThrow);
      return EngineLines.Outcome.OK.line("");
    } catch (MojoFailureException e) {
      return EngineLines.Outcome.FAIL.line(message(e));
    } catch (MojoExecutionException e) {
      // its cause does not cross to Maven's JVM: its stack trace is there with -X
      log.debug("The run's error, in the engine's JVM", e);
      return EngineLines.Outcome.ERROR.line(message(e));
    } catch (Throwable e) {
      log.debug("The run's error, in the engine's JVM", e);
      return EngineLines.Outcome.ERROR.line(RunGoal.broke(inputs, e));
    }
  }

  private static String message(Exception e) {
    return Objects.toString(e.getMessage(), e.toString());
  }

  /**
   * Exits when the input ends while the run goes on: Maven's JVM is gone (killed), and nothing else
   * would stop what this one started.
   */
  private static void watchForEnd(BufferedReader in, AtomicBoolean ended) {
    Thread watch =
        new Thread(
            () -> {
              try {
                while (in.readLine() != null) {
                  // nothing more is sent during a run
                }
              } catch (IOException e) {
                // as the end of the input
              }
              if (!ended.get()) {
                exiting = true;
                System.exit(ORPHANED);
              }
            },
            "segment-engine-input");
    watch.setDaemon(true);
    watch.start();
  }
}
