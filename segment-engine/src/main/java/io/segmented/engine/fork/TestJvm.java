package io.segmented.engine.fork;

import io.segmented.launcher.EventCodec;
import java.io.IOException;
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
   * @param output where its standard output and error go
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
      Path output) {}

  /** How the JVM ended: its exit code, or that it was killed after the timeout. */
  public record Exit(int code, boolean timedOut) {}

  private final Process process;
  private final Path javaExecutable;

  private TestJvm(Process process, Path java) {
    this.process = process;
    this.javaExecutable = java;
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
            .redirectErrorStream(true)
            .redirectOutput(spec.output().toFile());
    builder.environment().putAll(spec.env());
    return new TestJvm(builder.start(), spec.java());
  }

  /**
   * Waits until the JVM exits, or, when {@code timeout} passes first, writes its thread dump to
   * {@code threadDump} (with the JDK's {@code jcmd}, when there is one) and kills it.
   */
  @Override
  public Exit await(Duration timeout, Path threadDump) throws InterruptedException {
    if (process.waitFor(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
      return new Exit(process.exitValue(), false);
    }
    dumpThreads(threadDump);
    close();
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
