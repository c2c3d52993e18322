package io.segmented.maven;

import io.segmented.engine.SegmentEngine;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.slf4j.LoggerFactory;

/**
 * The engine's own JVM ({@code -Dsegment.fork}), which Maven's forks ({@link EngineFork}): it
 * connects to the Docker engine as it starts, then takes commands on its standard input, one line
 * each: {@code head-start} and {@code run}, each with the goal's {@link RunInputs}. It runs the run
 * goal as Maven's JVM would ({@link RunGoal}) and writes its log and outcome as {@link EngineLines}
 * on its standard output; then it exits. When its input ends before the run has ended (Maven's JVM
 * is gone), it exits at once, and its shutdown hooks stop what it started, as Ctrl-C would.
 */
public final class EngineMain {

  /** The system property that turns the log's debug lines on. */
  static final String DEBUG = "segment.engine.debug";

  static final String HEAD_START = "head-start ";
  static final String RUN = "run ";

  /** The exit status when Maven's JVM went away before the run ended. */
  static final int ORPHANED = 3;

  private EngineMain() {}

  public static void main(String[] args) throws IOException {
    PrintStream protocol =
        new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    // whatever else writes to System.out (GitHub's workflow commands) reaches Maven's System.out
    System.setOut(
        new PrintStream(
            new EngineLines.OutLines(protocol, EngineLines.OUT), true, StandardCharsets.UTF_8));
    // SLF4J finds no logger here and says so once, on the JVM's own standard error (a file of the
    // run's working folder): Testcontainers' log is not the build's. Said before System.err goes to
    // Maven's, as the shutdown hook's lines do
    LoggerFactory.getILoggerFactory();
    System.setErr(
        new PrintStream(
            new EngineLines.OutLines(protocol, EngineLines.ERR), true, StandardCharsets.UTF_8));
    EngineLines.LineLog log = new EngineLines.LineLog(protocol, Boolean.getBoolean(DEBUG));
    SegmentEngine engine = new SegmentEngine();
    engine.warmUp();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith(HEAD_START)) {
        RunInputs inputs = RunInputs.decode(line.substring(HEAD_START.length()));
        engine.headStart(
            inputs.basedir(),
            () ->
                inputs.request(
                    WarmUpMojo.load(inputs.basedir(), inputs.properties(), inputs.manifest())),
            inputs.runtime());
        Thread ahead = new Thread(WarmUpMojo::readAheadReport, "segment-warm-up-read-ahead");
        ahead.setDaemon(true);
        ahead.start();
      } else if (line.startsWith(RUN)) {
        RunInputs inputs = RunInputs.decode(line.substring(RUN.length()));
        AtomicBoolean ended = new AtomicBoolean();
        watchForEnd(in, ended);
        String outcome = run(engine, log, inputs);
        ended.set(true);
        synchronized (protocol) {
          protocol.println(outcome);
        }
        break;
      }
    }
    // an input that ended before a run: Maven's JVM is gone, or had nothing to run; the hooks stop
    // what a head start began
    System.exit(0);
  }

  /** Runs the goal; its outcome as an {@link EngineLines#OUTCOME} message. */
  private static String run(SegmentEngine engine, EngineLines.LineLog log, RunInputs inputs) {
    try {
      new RunGoal(engine, log).run(inputs);
      return EngineLines.OUTCOME + " " + EngineLines.OK;
    } catch (MojoFailureException e) {
      return EngineLines.OUTCOME
          + " "
          + EngineLines.FAIL
          + " "
          + EngineLines.escape(e.getMessage());
    } catch (MojoExecutionException e) {
      return EngineLines.OUTCOME
          + " "
          + EngineLines.BROKE
          + " "
          + EngineLines.escape(e.getMessage());
    } catch (RuntimeException | Error e) {
      return EngineLines.OUTCOME
          + " "
          + EngineLines.BROKE
          + " "
          + EngineLines.escape(
              "the segment run of "
                  + inputs.projectId()
                  + " broke: "
                  + e
                  + ". Results so far are in "
                  + inputs.reportsDir());
    }
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
