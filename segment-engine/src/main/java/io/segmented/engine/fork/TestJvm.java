package io.segmented.engine.fork;

import io.segmented.launcher.EventCodec;
import java.io.BufferedReader;
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
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One forked test JVM: started with an argument file (classpaths of test projects are long), its
 * output in a file, stopped with its whole process tree.
 */
public final class TestJvm implements JvmLauncher.Forked {

  /**
   * How to start a test JVM.
   *
   * @param java the {@code java} executable
   * @param classpath the test classpath, the launcher included
   * @param jvmArgs user JVM arguments
   * @param systemProperties {@code -D} properties
   * @param env environment variables added to the inherited environment
   * @param mainClass the class to run
   * @param args its arguments
   * @param workDir the JVM's working directory
   * @param argsFile where to write the argument file
   * @param output where its standard output and error go, each line masked by {@code mask} as it
   *     comes
   * @param mask masks the run's secrets in a line
   */
  public record Spec(
      Path java,
      List<Path> classpath,
      List<String> jvmArgs,
      Map<String, String> systemProperties,
      Map<String, String> env,
      String mainClass,
      List<String> args,
      Path workDir,
      Path argsFile,
      Path output,
      UnaryOperator<String> mask) {}

  /** How the JVM ended: its exit code, or that it was killed after the timeout. */
  public record Exit(int code, boolean timedOut) {}

  /** How long the copy of the output may take to catch up once the JVM exited. */
  private static final long OUTPUT_CATCH_UP_MILLIS = 5_000;

  private final Process process;
  private final Path javaExecutable;
  private final Thread output;
  private final Spec spec;

  private TestJvm(Process process, Spec spec, Thread output) {
    this.process = process;
    this.javaExecutable = spec.java();
    this.output = output;
    this.spec = spec;
  }

  /** Starts the JVM. */
  public static TestJvm start(Spec spec) throws IOException {
    List<String> args = new ArrayList<>(spec.jvmArgs());
    spec.systemProperties().forEach((k, v) -> args.add("-D" + k + "=" + v));
    args.add("-cp");
    args.add(
        spec.classpath().stream()
            .map(Path::toString)
            .collect(Collectors.joining(java.io.File.pathSeparator)));
    args.add(spec.mainClass());
    args.addAll(spec.args());
    Files.createDirectories(spec.argsFile().getParent());
    Files.write(
        spec.argsFile(), args.stream().map(TestJvm::quote).toList(), StandardCharsets.UTF_8);
    ProcessBuilder builder =
        new ProcessBuilder(spec.java().toString(), "@" + spec.argsFile())
            .directory(spec.workDir().toFile())
            .redirectErrorStream(true);
    builder.environment().putAll(spec.env());
    OutputStream log = Files.newOutputStream(spec.output());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      log.close();
      throw e;
    }
    return new TestJvm(process, spec, copyMasked(process.getInputStream(), log, spec.mask()));
  }

  /**
   * Copies the JVM's output to its file line by line, each masked and flushed as it comes: the file
   * holds no secret even when the build is killed.
   */
  private static Thread copyMasked(InputStream from, OutputStream to, UnaryOperator<String> mask) {
    Thread copy =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8));
                  Writer out = new OutputStreamWriter(to, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                  out.write(mask.apply(line) + "\n");
                  out.flush();
                }
              } catch (IOException e) {
                // the JVM is gone
              }
            },
            "segment-test-jvm-output");
    copy.setDaemon(true);
    copy.start();
    return copy;
  }

  /** Waits until the output the JVM wrote before it ended is in its file. */
  private void outputWritten() throws InterruptedException {
    output.join(OUTPUT_CATCH_UP_MILLIS);
  }

  /**
   * Waits until the JVM exits, or, when {@code timeout} passes first, writes its thread dump to
   * {@code threadDump} (with the JDK's {@code jcmd}, when there is one) and kills it.
   */
  @Override
  public Exit await(Duration timeout, Path threadDump) throws InterruptedException {
    if (process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
      outputWritten();
      return new Exit(process.exitValue(), false);
    }
    dumpThreads(threadDump);
    close();
    outputWritten();
    return new Exit(-1, true);
  }

  private void dumpThreads(Path file) throws InterruptedException {
    Path jcmd = javaExecutable.resolveSibling("jcmd");
    if (!Files.isExecutable(jcmd)) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Process dump =
          new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
              .redirectErrorStream(true)
              .redirectOutput(file.toFile())
              .start();
      if (!dump.waitFor(10, TimeUnit.SECONDS)) {
        dump.destroyForcibly();
      }
    } catch (IOException e) {
      // no dump; the timeout is reported all the same
    }
  }

  @Override
  public void handOff(
      Map<String, String> properties, Map<String, String> env, int restorePort, String restoreToken)
      throws IOException {
    try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> p : properties.entrySet()) {
        in.write(EventCodec.encode(List.of("P", p.getKey(), p.getValue())) + "\n");
      }
      for (Map.Entry<String, String> e : env.entrySet()) {
        in.write(EventCodec.encode(List.of("E", e.getKey(), e.getValue())) + "\n");
      }
      if (restorePort > 0) {
        in.write(EventCodec.encode(List.of("R", String.valueOf(restorePort), restoreToken)) + "\n");
      }
      in.write("GO\n");
    }
    maskArgsFile();
  }

  /**
   * Masks the secrets in the argument file (a segment's own secret {@code properties}), which a JVM
   * awaiting its handoff has read long ago: the file holds none while the tests run.
   */
  private void maskArgsFile() throws IOException {
    Path file = spec.argsFile();
    if (Files.exists(file)) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String masked = spec.mask().apply(text);
      if (!masked.equals(text)) {
        Files.writeString(file, masked, StandardCharsets.UTF_8);
      }
    }
  }

  /** Kills the JVM and every process it started. */
  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Argument files split on white space; quotes keep an argument whole. */
  private static String quote(String arg) {
    return "\""
        + arg.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
        + "\"";
  }
}
