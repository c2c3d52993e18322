package io.segmented.maven;

import io.segmented.engine.SegmentEngine;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
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
 * EngineLines} on its standard output; then it exits. When its input ends before the run has ended
 * (Maven's JVM is gone), it exits at once, and its shutdown hooks stop what it started, as Ctrl-C
 * would.
 */
public final class EngineMain {

  /** The system property that turns the log's debug lines on. */
  static final String DEBUG = "segment.engine.debug";

  static final String PROPERTIES = "properties ";
  static final String HEAD_START = "head-start ";
  static final String RUN = "run ";

  /** The exit status when Maven's JVM went away before the run ended. */
  static final int ORPHANED = 3;

  /** The exit status when a command could not be carried out. */
  static final int BROKEN = 2;

  private EngineMain() {}

  public static void main(String[] args) {
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    int status = 0;
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
      status = serve(protocol, log);
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

  /** Carries out the commands of the input until the run; returns the exit status. */
  private static int serve(PrintStream protocol, EngineLines.LineLog log) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line = in.readLine();
    if (line != null && line.startsWith(PROPERTIES)) {
      Properties set = EngineLines.read(line.substring(PROPERTIES.length()));
      set.stringPropertyNames().forEach(k -> System.setProperty(k, set.getProperty(k)));
      line = in.readLine();
    }
    SegmentEngine engine = new SegmentEngine();
    engine.warmUp();
    for (; line != null; line = in.readLine()) {
      if (line.startsWith(HEAD_START)) {
        RunInputs inputs = RunInputs.decode(line.substring(HEAD_START.length()));
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
        String outcome;
        try {
          outcome = run(engine, log, inputs);
        } finally {
          // before the outcome, after which Maven closes the input: its end is no longer Maven's
          ended.set(true);
        }
        say(protocol, outcome);
        return 0;
      }
    }
    return 0;
  }

  private static void say(PrintStream protocol, String line) {
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
                System.exit(ORPHANED);
              }
            },
            "segment-engine-input");
    watch.setDaemon(true);
    watch.start();
  }
}
