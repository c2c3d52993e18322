package io.segmented.engine.fork;

import io.segmented.launcher.Event;
import io.segmented.launcher.EventCodec;
import io.segmented.launcher.SecretMask;
import io.segmented.launcher.SegmentLauncher;
import io.segmented.results.AtomicFiles;
import io.segmented.results.TestResult;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One forked test JVM: started with an argument file (classpaths of test projects are long), its
 * output in a file, stopped with its whole process tree. No secret is written to a file on its
 * behalf: the system properties that hold one reach it on its standard input ({@link #handOff}),
 * and its output and thread dumps are masked as they are written.
 */
public final class TestJvm implements JvmLauncher.Forked {

  /**
   * How to start a test JVM.
   *
   * @param java the {@code java} executable
   * @param classpath the test classpath, the launcher included
   * @param jvmArgs user JVM arguments
   * @param systemProperties {@code -D} properties; those whose name or value holds a secret of
   *     {@code mask} are left out of the argument file and handed to the JVM on its standard input
   * @param env environment variables added to the inherited environment
   * @param mainClass the class to run
   * @param args its arguments
   * @param workDir the JVM's working directory
   * @param argsFile where to write the argument file
   * @param output where its standard output and error go, each line masked by {@code mask} as it
   *     comes
   * @param mask the run's secrets: masked in its output and thread dumps, and handed to it to mask
   *     in its events
   * @param handOffLater whether the caller hands the JVM its fixtures' attributes later ({@link
   *     #handOff}), as for a JVM started beside them; otherwise it is handed what its argument file
   *     leaves out at once. Either way its main class must await the handoff, as {@code
   *     SegmentLauncher} does with {@code --await-handoff true}
   * @param failedNow hears each test that fails, as its JVM tells it on its output ({@link
   *     Event#LIVE_PREFIX}), with the first line of its message and no stack trace; such lines are
   *     left out of the output's file
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
      SecretMask mask,
      boolean handOffLater,
      Consumer<TestResult> failedNow) {}

  /**
   * How the JVM ended: its exit code, or that it was killed after the timeout, or that it told the
   * end of its run and is still exiting ({@link #awaitEnd}; its code is then 0).
   */
  public record Exit(int code, boolean timedOut, boolean exiting) {

    public Exit(int code, boolean timedOut) {
      this(code, timedOut, false);
    }
  }

  /**
   * How long a JVM that told the end of its run may take to exit before it is killed: its tests'
   * shutdown hooks (a coverage agent writing its data, say) run then.
   */
  private static final long EXITING_GRACE_SECONDS = 10;

  /** How long the processes the tests left running may take to end once killed. */
  private static final long LEFT_RUNNING_END_SECONDS = 5;

  /** How long the copy of the output may take to catch up once the JVM exited. */
  private static final long OUTPUT_CATCH_UP_MILLIS = 5_000;

  private final Process process;
  private final Path javaExecutable;
  private final Thread output;
  private final Spec spec;
  private final Map<String, String> heldBack;

  /**
   * Completed when the JVM tells the end of its run, with the processes its tests had started that
   * still ran then, as the JVM listed them: once it exited they are no one's children.
   */
  private final CompletableFuture<List<ProcessHandle>> endTold;

  private final List<String> leftovers = new CopyOnWriteArrayList<>();

  /** How often the processes the JVM started are looked at while it runs. */
  private static final long CHILDREN_LOOK_MILLIS = 500;

  /**
   * The processes the JVM started (its tests, and what they started), as last seen while it ran:
   * one that still runs after the JVM died without telling its end ({@code System.exit}, {@code
   * halt}, a crash), or whose own parent died, is no one's child any more, and found only here.
   */
  private final Set<ProcessHandle> seenChildren = ConcurrentHashMap.newKeySet();

  private TestJvm(
      Process process,
      Spec spec,
      Thread output,
      Map<String, String> heldBack,
      CompletableFuture<List<ProcessHandle>> endTold) {
    this.process = process;
    this.endTold = endTold;
    this.javaExecutable = spec.java();
    this.output = output;
    this.spec = spec;
    this.heldBack = heldBack;
  }

  /** Starts the JVM. */
  public static TestJvm start(Spec spec) throws IOException {
    List<String> args = new ArrayList<>(spec.jvmArgs());
    Map<String, String> heldBack = new LinkedHashMap<>();
    spec.systemProperties()
        .forEach(
            (k, v) -> {
              if (spec.mask().hides(k) || spec.mask().hides(v)) {
                heldBack.put(k, v);
              } else {
                args.add("-D" + k + "=" + v);
              }
            });
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
    // emptied, then appended to, so that a note written at the end stays after the output
    Files.write(spec.output(), new byte[0]);
    OutputStream log = Files.newOutputStream(spec.output(), StandardOpenOption.APPEND);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      log.close();
      throw e;
    }
    CompletableFuture<List<ProcessHandle>> endTold = new CompletableFuture<>();
    TestJvm jvm =
        new TestJvm(
            process,
            spec,
            copyMasked(process.getInputStream(), log, spec.mask(), spec.failedNow(), endTold),
            heldBack,
            endTold);
    jvm.watchChildren();
    if (!spec.handOffLater()) {
      try {
        jvm.handOff(Map.of(), Map.of(), 0, "");
      } catch (IOException e) {
        jvm.close();
        throw e;
      }
    }
    return jvm;
  }

  /** Looks at the processes the JVM started while it runs ({@link #seenChildren}). */
  private void watchChildren() {
    Thread watch =
        new Thread(
            () -> {
              try {
                do {
                  seenChildren.removeIf(h -> !h.isAlive());
                  process.descendants().forEach(seenChildren::add);
                } while (!process.waitFor(CHILDREN_LOOK_MILLIS, TimeUnit.MILLISECONDS));
              } catch (InterruptedException e) {
                // closed
              }
            },
            "segment-test-jvm-children");
    watch.setDaemon(true);
    watch.start();
  }

  /**
   * Copies the JVM's output to its file line by line, each masked and flushed as it comes: the file
   * holds no secret even when the build is killed. A line that tells of a failed test goes to
   * {@code failedNow} instead, and what a test had written on it before goes to the file; the line
   * that tells the end of the run completes {@code endTold}.
   */
  private static Thread copyMasked(
      InputStream from,
      OutputStream to,
      UnaryOperator<String> mask,
      Consumer<TestResult> failedNow,
      CompletableFuture<List<ProcessHandle>> endTold) {
    Thread copy =
        new Thread(
            () -> {
              try (BufferedReader in =
                      new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8));
                  Writer out = new OutputStreamWriter(to, StandardCharsets.UTF_8)) {
                String line;
                while ((line = in.readLine()) != null) {
                  // looked for before masking, which could hide the prefix itself
                  int live = line.indexOf(Event.LIVE_PREFIX);
                  String told = live < 0 ? "" : line.substring(live + Event.LIVE_PREFIX.length());
                  if (live >= 0 && (tellEnd(told, endTold) || tellFailed(told, mask, failedNow))) {
                    line = line.substring(0, live);
                    if (line.isEmpty()) {
                      continue;
                    }
                  }
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

  /**
   * Completes {@code endTold} when {@code encoded} tells the end of the run, with the processes it
   * names that still run; false when it does not tell the end.
   */
  private static boolean tellEnd(String encoded, CompletableFuture<List<ProcessHandle>> endTold) {
    List<String> fields;
    try {
      fields = EventCodec.decode(encoded);
    } catch (RuntimeException e) {
      return false;
    }
    if (fields.isEmpty() || !fields.get(0).equals(Event.RUN_FINISHED.name())) {
      return false;
    }
    endTold.complete(
        fields.subList(1, fields.size()).stream()
            .map(TestJvm::process)
            .flatMap(Optional::stream)
            .toList());
    return true;
  }

  /**
   * The process {@code pidAtStart} ({@code pid@start}, the start in epoch milliseconds) names, if
   * it still runs and is the one named: a number used again by a later process is not.
   */
  private static Optional<ProcessHandle> process(String pidAtStart) {
    try {
      int at = pidAtStart.indexOf('@');
      long pid = Long.parseLong(pidAtStart.substring(0, at));
      long start = Long.parseLong(pidAtStart.substring(at + 1));
      return ProcessIdentity.find(
          pid, start == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(start)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Passes on a failure the JVM told as it happened, its fields masked; false when {@code encoded}
   * is not one (a test's own output that only holds the prefix stays in the log as it is).
   */
  private static boolean tellFailed(
      String encoded, UnaryOperator<String> mask, Consumer<TestResult> failedNow) {
    TestResult failed;
    try {
      List<String> f = EventCodec.decode(encoded).stream().map(mask).toList();
      if (f.size() < 7 || !f.get(0).equals(Event.TEST_FINISHED.name())) {
        return false;
      }
      failed = TestEvents.finished(f);
    } catch (RuntimeException e) {
      return false;
    }
    try {
      failedNow.accept(failed);
    } catch (Throwable e) {
      // whatever the listener does, the output is still copied: a JVM whose output is not read
      // blocks; the results tell the failure anyway
    }
    return true;
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

  /**
   * Waits until the JVM tells the end of its run (its events file is then complete and closed) or
   * exits, whichever comes first; past {@code timeout}, as {@link #await}. A JVM that told its end
   * is left to exit: {@link #close} then waits for that before it kills it.
   */
  @Override
  public Exit awaitEnd(Duration timeout, Path threadDump) throws InterruptedException {
    try {
      CompletableFuture.anyOf(process.onExit(), endTold)
          .get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      if (!endTold.isDone()) {
        return await(Duration.ZERO, threadDump);
      }
      // told its end at the deadline: its results are complete
    } catch (ExecutionException e) {
      // neither completes exceptionally
    }
    if (process.isAlive()) {
      return new Exit(0, false, true);
    }
    outputWritten();
    return new Exit(process.exitValue(), false);
  }

  private void dumpThreads(Path file) throws InterruptedException {
    Path jcmd = javaExecutable.resolveSibling("jcmd");
    if (!Files.isExecutable(jcmd)) {
      return;
    }
    Path written = null;
    try {
      Files.createDirectories(file.getParent());
      // written beside it and moved into place when complete, as the results are
      written = AtomicFiles.newFileBeside(file);
      Process dump =
          new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "Thread.print")
              .redirectErrorStream(true)
              .start();
      // masked as it is written, as the output is: a thread's name or a lock can hold a secret
      Thread copy =
          copyMasked(
              dump.getInputStream(),
              Files.newOutputStream(written),
              spec.mask(),
              failed -> {},
              new CompletableFuture<List<ProcessHandle>>());
      if (!dump.waitFor(10, TimeUnit.SECONDS)) {
        dump.destroyForcibly();
      }
      copy.join(OUTPUT_CATCH_UP_MILLIS);
      AtomicFiles.moveIntoPlace(written, file);
    } catch (IOException e) {
      // no dump; the timeout is reported all the same
    } finally {
      if (written != null) {
        try {
          Files.deleteIfExists(written);
        } catch (IOException e) {
          // a hidden leftover beside the dump, which nothing reads
        }
      }
    }
  }

  /**
   * {@inheritDoc} With them go the system properties its argument file left out, since they hold
   * secrets, and the run's secrets, which the JVM masks in its events file. A JVM that ended before
   * it was handed off is left to {@link #await}, which says how it ended.
   */
  @Override
  public void handOff(
      Map<String, String> properties, Map<String, String> env, int restorePort, String restoreToken)
      throws IOException {
    synchronized (stdin) {
      handOffNow(properties, env, restorePort, restoreToken);
    }
  }

  @Override
  public void discover() throws IOException {
    synchronized (stdin) {
      if (discoverTold) {
        return;
      }
      discoverTold = true;
      try {
        OutputStream in = process.getOutputStream();
        in.write((SegmentLauncher.DISCOVER + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
      } catch (IOException e) {
        if (!ended()) {
          throw e;
        }
      }
    }
  }

  /** Guards the JVM's standard input: the word to discover goes before the handoff. */
  private final Object stdin = new Object();

  /** Whether {@link #discover} told the JVM. */
  private boolean discoverTold;

  private void handOffNow(
      Map<String, String> properties, Map<String, String> env, int restorePort, String restoreToken)
      throws IOException {
    Map<String, String> all = new LinkedHashMap<>(heldBack);
    all.putAll(properties);
    try (Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      for (Map.Entry<String, String> p : all.entrySet()) {
        in.write(EventCodec.encode(List.of("P", p.getKey(), p.getValue())) + "\n");
      }
      for (Map.Entry<String, String> e : env.entrySet()) {
        in.write(EventCodec.encode(List.of("E", e.getKey(), e.getValue())) + "\n");
      }
      if (restorePort > 0) {
        in.write(EventCodec.encode(List.of("R", String.valueOf(restorePort), restoreToken)) + "\n");
      }
      for (String secret : spec.mask().values()) {
        in.write(EventCodec.encode(List.of("S", secret)) + "\n");
      }
      in.write("GO\n");
    } catch (IOException e) {
      if (!ended()) {
        throw e;
      }
    }
  }

  /** Whether the JVM has ended, or ends in a moment (its input closes as it exits). */
  private boolean ended() {
    try {
      return process.waitFor(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    }
  }

  /**
   * Kills the JVM and every process it started; one that told the end of its run is first given
   * time to exit by itself, its output then copied to the end. The processes its tests started and
   * left running, which the JVM named when it told its end, are stopped too, also when the JVM
   * exited by itself; what was stopped beyond the JVM's own exit is in {@link #leftovers}, and at
   * the end of its output. Closing it again does nothing more.
   */
  @Override
  public synchronized void close() {
    List<String> notes = new ArrayList<>();
    if (endTold.isDone()) {
      try {
        if (!process.waitFor(EXITING_GRACE_SECONDS, TimeUnit.SECONDS)) {
          notes.add(
              "its test JVM was still exiting "
                  + EXITING_GRACE_SECONDS
                  + " s after its tests ended and was killed (a shutdown hook that hangs, or a"
                  + " non-daemon thread that does not end?)");
        }
        outputWritten();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // looked at before the JVM is killed, which kills its children with it
    Set<ProcessHandle> children = process.descendants().collect(Collectors.toSet());
    Set<ProcessHandle> left = new LinkedHashSet<>(endTold.getNow(List.of()));
    // what it started that is no longer its own: its parent (the JVM, or a child of it) died
    seenChildren.stream().filter(h -> !children.contains(h)).forEach(left::add);
    List<ProcessHandle> leftRunning = left.stream().filter(TestJvm::running).toList();
    children.forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stop(leftRunning, notes);
  }

  @Override
  public List<String> leftovers() {
    return List.copyOf(leftovers);
  }

  /**
   * Stops the processes the tests started that outlived their JVM's end (its shutdown hooks had
   * their chance to stop them), says which, and notes {@code notes} with it at the end of the JVM's
   * output.
   */
  private void stop(List<ProcessHandle> leftRunning, List<String> notes) {
    List<String> stopped = new ArrayList<>();
    for (ProcessHandle p : leftRunning) {
      stopped.add(p.pid() + " (" + p.info().command().orElse("?") + ")");
      p.destroyForcibly();
    }
    if (!stopped.isEmpty()) {
      notes.add(
          "stopped "
              + stopped.size()
              + " process(es) its tests started and left running: "
              + String.join(", ", stopped));
    }
    if (notes.isEmpty()) {
      return;
    }
    leftovers.addAll(notes);
    try {
      awaitGone(leftRunning);
      // a process that held the JVM's output open is gone now: the copy ends
      outputWritten();
      StringBuilder note = new StringBuilder();
      notes.forEach(l -> note.append("[segment] ").append(spec.mask().apply(l)).append('\n'));
      Files.writeString(spec.output(), note, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the build's log says it all the same
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits, at most {@link #LEFT_RUNNING_END_SECONDS}, until {@code killed} have ended. */
  private static void awaitGone(List<ProcessHandle> killed) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LEFT_RUNNING_END_SECONDS);
    while (killed.stream().anyMatch(TestJvm::running) && System.nanoTime() < deadline) {
      // no event tells the end of a process that is not this JVM's child
      Thread.sleep(20);
    }
  }

  /**
   * Whether {@code p} runs: alive, and not a zombie that no one reaps (as where a container's first
   * process does not), which the JDK counts as alive.
   */
  static boolean running(ProcessHandle p) {
    if (!p.isAlive()) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "stat"));
      int end = stat.lastIndexOf(')');
      return end < 0 || end + 2 >= stat.length() || stat.charAt(end + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      // no /proc (not Linux), or gone meanwhile
      return p.isAlive();
    }
  }

  /** Argument files split on white space; quotes keep an argument whole. */
  private static String quote(String arg) {
    return "\""
        + arg.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
        + "\"";
  }
}
