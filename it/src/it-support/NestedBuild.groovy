import java.time.Duration
import java.util.concurrent.TimeUnit

/**
 * A Maven build of an IT project that its verify.groovy starts in the background, so that the script can signal
 * the build in the middle of a segment; and the checks that a run left nothing behind. Loaded by the verify
 * scripts of the interrupt and killed cases through the script variable itSupport (it/pom.xml).
 */
class NestedBuild {

  static final String RUN_LABEL = "io.segmented.run-id"
  static final String OWNER_LABEL = "io.segmented.owner-pid"
  static final String LEASE_LABEL = "io.segmented.lease"
  static final Duration POLL = Duration.ofMillis(200)

  final String name
  final File basedir
  final File log
  final Process process
  final long startedAt = System.nanoTime()

  private NestedBuild(String name, File basedir, File log, Process process) {
    this.name = name
    this.basedir = basedir
    this.log = log
    this.process = process
  }

  /**
   * Starts {@code mvn -B <args>} in {@code basedir} with the invoker's local repository and settings, its output
   * in {@code <basedir>/<name>.log}. The build runs in a session of its own (setsid), so that a signal to its
   * process group, as a terminal's Ctrl-C sends, reaches it and its test JVMs and not the build that runs the ITs.
   * {@code env} changes the environment it inherits: a variable mapped to null is removed.
   */
  static NestedBuild start(File basedir, String localRepositoryPath, String name, List<String> args,
                           Map<String, String> env = [:]) {
    File mvn = new File(System.getProperty("maven.home"), "bin/mvn")
    assert mvn.canExecute() : "no mvn to start at ${mvn} (maven.home of the build that runs the ITs)"
    // maven-invoker-plugin writes its filtered settings next to the cloned projects
    File settings = new File(basedir.parentFile, "interpolated-settings.xml")
    assert settings.isFile() : "the invoker's settings are not at ${settings}; did maven-invoker-plugin change?"
    File log = new File(basedir, name + ".log")
    List<String> command = ["setsid", mvn.path, "-B", "-ntp", "-Dmaven.repo.local=" + localRepositoryPath,
                            "-s", settings.path] + args
    ProcessBuilder builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
        .redirectOutput(log)
    // The environment of .ci/env is inherited. Ryuk is off whatever it says: with Ryuk, a killed build's
    // containers would be removed by Ryuk, and these cases test the plugin's own cleanup.
    builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true")
    env.each { key, value -> value == null ? builder.environment().remove(key) : builder.environment().put(key, value) }
    println "[${name}] starting: ${command.join(' ')}"
    NestedBuild build = new NestedBuild(name, basedir, log, builder.start())
    build.checkPidIsMavenJvm()
    return build
  }

  long pid() {
    return process.pid()
  }

  /**
   * bin/mvn execs java, and setsid execs bin/mvn when it needs no fork: the pid to signal is the Maven JVM's.
   * Checked, since signalling a shell that waits for java would test nothing.
   */
  private void checkPidIsMavenJvm() {
    String expectation = "the process started for ${name} (pid ${pid()}) to be the Maven JVM"
    await(expectation, Duration.ofSeconds(30)) {
      String cmd = commandLine(pid())
      !process.isAlive() || cmd.contains("org.codehaus.plexus.classworlds.launcher.Launcher")
    }
    assert process.isAlive() : "${name} ended at once with code ${process.exitValue()}${tail()}"
    assert new File(commandLine(pid()).split(" ")[0]).name == "java" :
        "${name}: pid ${pid()} runs '${commandLine(pid())}', not java; a signal to it would not reach Maven"
  }

  /** Waits until the blocking test has written {@code marker}; returns what it wrote. */
  Properties awaitMarker(File marker, Duration timeout) {
    await("${name}: the test to write ${marker}", timeout) {
      assert process.isAlive() : "${name} ended with code ${process.exitValue()} before its test ran${tail()}"
      marker.isFile()
    }
    Properties p = new Properties()
    marker.withInputStream { p.load(it) }
    println "[${name}] the test runs after ${seconds()}: ${p}"
    return p
  }

  /** Sends {@code SIGNAL} to the Maven JVM, or with {@code group} to its whole process group. */
  void signal(String signal, boolean group = false) {
    if (signal == "INT") {
      // A process started with SIGINT ignored keeps ignoring it, the JVM too; the test would then prove nothing.
      String ignored = new File("/proc/${pid()}/status").readLines().find { it.startsWith("SigIgn:") }
      assert ignored == null || (Long.parseLong(ignored.substring(7).trim(), 16) & 2L) == 0 :
          "${name}: Maven was started with SIGINT ignored (${ignored}), inherited from the process that runs the" +
          " ITs. Run the build from a shell in the foreground, not from one that ignores SIGINT"
    }
    String target = group ? "-" + pid() : String.valueOf(pid())
    Process kill = ["kill", "-" + signal, "--", target].execute()
    String err = kill.err.text
    assert kill.waitFor() == 0 : "kill -${signal} ${target} failed: ${err}"
    println "[${name}] sent SIG${signal} to ${group ? 'process group' : 'pid'} ${pid()} after ${seconds()}"
  }

  /** Waits until Maven ended; returns its exit code. */
  int awaitExit(Duration timeout) {
    long start = System.nanoTime()
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      String threads = jstack(pid())
      process.destroyForcibly()
      throw new AssertionError(
          "${name}: Maven did not end within ${timeout.seconds} s${tail()}\nIts threads:\n${threads}" as String)
    }
    println "[${name}] Maven ended with code ${process.exitValue()}, " +
        "${Duration.ofNanos(System.nanoTime() - start).toMillis()} ms after waiting began; total ${seconds()}"
    return process.exitValue()
  }

  /** When a check failed while Maven still runs: SIGTERM, so its own cleanup runs, then SIGKILL. */
  void stopIfRunning() {
    if (process.isAlive()) {
      println "[${name}] still running after a failed check: stopping it"
      process.destroy()
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly()
      }
    }
  }

  String tail(int lines = 60) {
    List<String> all = log.isFile() ? log.readLines() : []
    return "\n--- last ${Math.min(lines, all.size())} lines of ${log} ---\n" +
        all.takeRight(lines).join("\n") + "\n---"
  }

  private String seconds() {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startedAt) / 1e9)
  }

  /** Polls {@code condition} until it holds; fails with {@code what} when {@code timeout} passes first. */
  static void await(String what, Duration timeout, Closure<Boolean> condition) {
    long deadline = System.nanoTime() + timeout.toNanos()
    while (!condition.call()) {
      if (System.nanoTime() >= deadline) {
        throw new AssertionError("waited ${timeout.seconds} s for ${what}, in vain" as String)
      }
      Thread.sleep(POLL.toMillis())
    }
  }

  /** After a failed check: a test JVM left running would sleep on for minutes. Its pid is checked, not reused. */
  static void killIfAlive(long pid, File basedir) {
    if (pid > 0 && alive(pid) && commandLine(pid).contains(new File(basedir, "target/segment-work").path)) {
      println "killing the test JVM ${pid}, left running after a failed check"
      ProcessHandle.of(pid).ifPresent { it.destroyForcibly() }
    }
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map { it.isAlive() }.orElse(false)
  }

  static String commandLine(long pid) {
    File f = new File("/proc/${pid}/cmdline")
    try {
      return f.text.replace("\u0000", " ").trim()
    } catch (IOException e) {
      return "" // ended meanwhile
    }
  }

  static String run(List<String> command) {
    Process p = command.execute()
    StringBuilder out = new StringBuilder()
    StringBuilder err = new StringBuilder()
    p.waitForProcessOutput(out, err)
    assert p.exitValue() == 0 || command[0] == "pgrep" : "${command.join(' ')} failed: ${err}"
    return out.toString().trim()
  }

  private static List<String> lines(String text) {
    return text.isEmpty() ? [] : text.readLines()
  }

  /** Containers with {@code label} (key or key=value), one line each: id, name, run id, owner pid, status. */
  static List<String> containers(String label = RUN_LABEL) {
    return lines(run(["docker", "ps", "-a", "--filter", "label=" + label, "--format",
                      "container {{.ID}} {{.Names}} run {{.Label \"${RUN_LABEL}\"}} owner {{.Label \"${OWNER_LABEL}\"}} {{.Status}}"]))
  }

  /** Networks with {@code label}, one line each: id, name, run id, owner pid. */
  static List<String> networks(String label = RUN_LABEL) {
    return lines(run(["docker", "network", "ls", "--filter", "label=" + label, "--format",
                      "network {{.ID}} {{.Name}} run {{.Label \"${RUN_LABEL}\"}} owner {{.Label \"${OWNER_LABEL}\"}}"]))
  }

  /** Docker volumes with {@code label}: the leases of runs. */
  static List<String> volumes(String label = LEASE_LABEL) {
    return lines(run(["docker", "volume", "ls", "--filter", "label=" + label, "--format",
                      "volume {{.Name}} run {{.Label \"${RUN_LABEL}\"}} owner {{.Label \"${OWNER_LABEL}\"}}"]))
  }

  /** Local processes whose command line matches {@code pattern} (pgrep -f), one line each: pid and command. */
  static List<String> processes(String pattern) {
    return lines(run(["pgrep", "-a", "-f", pattern]))
  }

  /** Processes whose command line names the project's target/segment-work: its test JVMs (java @jvm.args). */
  static List<String> testJvms(File basedir) {
    String work = new File(basedir, "target/segment-work").path.replaceAll(/[.\[\]()*+?^$|\\{}]/, /\\$0/)
    return lines(run(["pgrep", "-a", "-f", work]))
  }

  /** Fails when a container, network or lease volume of any run, or a test JVM of the project, is left. */
  static void assertNothingLeft(File basedir, String after) {
    List<String> left = containers() + networks() + volumes() + testJvms(basedir)
    assert left.isEmpty() : "left behind ${after}:\n" + left.join("\n")
    println "nothing left ${after}: no container or network labelled ${RUN_LABEL}, no lease volume, no test JVM" +
        " under ${basedir}/target/segment-work"
  }

  /**
   * The filter of the project's own kept fixtures (-Dsegment.keep), as other builds on the engine may keep theirs: the
   * project label is the first 20 hex digits of the SHA-256 of the module's directory.
   */
  static String keptProject(File basedir) {
    String project = java.security.MessageDigest.getInstance("SHA-256")
        .digest(basedir.toPath().toAbsolutePath().normalize().toString().getBytes("UTF-8")).encodeHex().toString()
        .substring(0, 20)
    return "label=io.segmented.kept-project=" + project
  }

  /** The ids of the project's kept containers. */
  static Set<String> kept(File basedir) {
    return run(["docker", "ps", "-a", "--filter", "label=io.segmented.kept", "--filter", keptProject(basedir),
                "--format", "{{.ID}}"]).readLines().findAll { it.trim() } as Set
  }

  /** The project's kept records (Docker volumes). */
  static List<String> keptRecords(File basedir) {
    return run(["docker", "volume", "ls", "-q", "--filter", keptProject(basedir)]).readLines().findAll { it.trim() }
  }

  /** The project's kept fixtures leased now: a lease names its container segment-kept-<id>-by-<run>. */
  static List<String> keptLeases(File basedir) {
    return run(["docker", "ps", "-a", "--filter", keptProject(basedir), "--format", "{{.Names}}"])
        .readLines().findAll { it.contains("-by-") }
  }

  static String jstack(long pid) {
    try {
      return run([System.getProperty("java.home") + "/bin/jcmd", String.valueOf(pid), "Thread.print"])
    } catch (Throwable e) {
      return "(no thread dump: ${e.message})"
    }
  }
}
