import java.time.Duration

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))

/**
 * Starts `mvn segment:run` of the blocking segment, waits until its test runs with its redis containers and process
 * fixture up, sends SIGINT or SIGTERM (to the Maven JVM alone, or to its process group as a terminal's Ctrl-C does),
 * and checks that Maven ends and leaves nothing.
 *
 * The shutdown hook says on the console that the run is stopping and that it stopped; what the segment's thread
 * manages to log before the JVM halts is not checked.
 */
def interrupt(Class NestedBuild, String name, boolean group, String signal = "INT") {
  def marker = new File(basedir, "target/blocking-test.properties")
  marker.delete()
  // the engine in Maven's JVM: the test JVM is Maven's child, the fixtures are labelled with Maven's pid
  def build = NestedBuild.start(basedir, localRepositoryPath.toString(), name,
      ["segment:run", "-Dsegment=blocks", "-Dsegment.fork=false"])
  long testJvm = -1
  try {
    def running = build.awaitMarker(marker, Duration.ofMinutes(4))
    testJvm = running.getProperty("test.jvm.pid") as long
    assert running.getProperty("build.pid") as long == build.pid() :
        "${name}: the test JVM's parent is ${running.getProperty('build.pid')}, not the Maven JVM ${build.pid()}"
    // What the signal must stop: the test JVM, the redis containers and the segment's network.
    def owned = "${NestedBuild.OWNER_LABEL}=${build.pid()}"
    assert NestedBuild.alive(testJvm) : "${name}: the test JVM ${testJvm} is gone before the signal"
    assert NestedBuild.containers(owned).any { it.contains(" Up ") } :
        "${name}: no running container of the build before the signal: ${NestedBuild.containers()}"
    assert !NestedBuild.networks(owned).isEmpty() :
        "${name}: no network of the build before the signal: ${NestedBuild.networks()}"
    assert !NestedBuild.processes("sleep 6071").isEmpty() : "${name}: the process fixture does not run before the signal"

    build.signal(signal, group)
    int code = build.awaitExit(Duration.ofSeconds(90))
    // 128 + the signal (130 for SIGINT, 143 for SIGTERM): the JVM ended on the signal, after its shutdown hooks, not
    // because the run finished
    int expected = 128 + (signal == "INT" ? 2 : 15)
    assert code == expected : "${name}: Maven ended with code ${code}, not ${expected} (SIG${signal})${build.tail()}"
    // Checked at once, not polled: Maven's shutdown hook must have removed everything before the JVM ended.
    assert !NestedBuild.alive(testJvm) : "${name}: the test JVM ${testJvm} still runs after Maven ended"
    assert NestedBuild.processes("sleep 6071").isEmpty() : "${name}: the process fixture still runs after Maven ended"
    def to = group ? "the process group of Maven" : "Maven alone"
    NestedBuild.assertNothingLeft(basedir, "after SIG${signal} to ${to} (${name})")
    // without colour codes: Maven's console writes its reset (ESC[0m) as its JVM ends, at times into the middle of the
    // line the shutdown hook writes, which a terminal still shows whole
    def output = build.tail(200).replaceAll(/\u001B\[[0-9;]*m/, "")
    assert output.contains("[segment] The build is stopping (Ctrl-C or a signal): stopping the run's test JVMs and fixtures") : output
    assert output.contains("[segment] Stopped; nothing of the run is left running") : output
    // the hook let the JVM end once the run had written its results (the earlier run's were removed as it began)
    def results = new File(basedir, "target/segment-reports/segment-results.json")
    assert results.isFile() : "${name}: no segment-results.json after the interrupted run"
    def run = new groovy.json.JsonSlurper().parse(results)
    def blocks = run.segments.find { it.id == "blocks" }
    assert blocks.outcome == "ERROR" : "${name}: ${blocks}"
    // (a terminal's Ctrl-C also ends the test JVM by itself, at the same moment as the hook begins)
    assert group || blocks.message.contains("stopped because the build was interrupted") : "${name}: ${blocks}"
    // ... and its HTML report, of this run (the one before it is removed as a run begins)
    def report = new File(basedir, "target/segment-reports/index.html")
    assert report.isFile() : "${name}: no report after the interrupted run"
    assert report.text.contains("datetime=\"${run.startedAt}\"") : "${name}: the report is not of the interrupted run"
    assert new File(basedir, "target/segment-reports").listFiles().findAll { it.name.endsWith(".tmp") }.isEmpty()
    // a run Ctrl-C stopped says nothing of how long its segments take: the history does not record it
    assert !new File(basedir, "target/segment-history.json").exists() : "${name}: the interrupted run was recorded"
    println build.tail(15)
  } finally {
    build.stopIfRunning()
    NestedBuild.killIfAlive(testJvm, basedir)
  }
}

/**
 * The same with the engine in a JVM of its own (the default, -Dsegment.fork), Maven's child and the test JVM's
 * parent: Maven alone gets SIGTERM and must wait until the engine's JVM stopped everything, or SIGKILL, after which the engine's
 * JVM sees its input end and stops everything by itself, with no next run.
 */
def forked(Class NestedBuild, String name, String signal) {
  def marker = new File(basedir, "target/blocking-test.properties")
  marker.delete()
  def build = NestedBuild.start(basedir, localRepositoryPath.toString(), name,
      ["segment:run", "-Dsegment=blocks"])
  long testJvm = -1
  long engine = -1
  try {
    def running = build.awaitMarker(marker, Duration.ofMinutes(4))
    testJvm = running.getProperty("test.jvm.pid") as long
    engine = running.getProperty("build.pid") as long
    assert engine != build.pid() : "${name}: the test JVM's parent is Maven itself, not the engine's JVM"
    assert ProcessHandle.of(engine).flatMap { it.parent() }.map { it.pid() }.orElse(-1L) == build.pid() :
        "${name}: the test JVM's parent ${engine} is not a child of Maven ${build.pid()}"
    assert NestedBuild.commandLine(engine).contains("io.segmented.maven.EngineMain") :
        "${name}: ${engine} runs ${NestedBuild.commandLine(engine)}"
    def owned = "${NestedBuild.OWNER_LABEL}=${engine}"
    assert NestedBuild.containers(owned).any { it.contains(" Up ") } :
        "${name}: no running container of the engine's JVM before the signal: ${NestedBuild.containers()}"
    assert !NestedBuild.processes("sleep 6071").isEmpty() : "${name}: the process fixture does not run before the signal"

    build.signal(signal, false)
    int code = build.awaitExit(Duration.ofSeconds(90))
    int expected = 128 + (signal == "KILL" ? 9 : 15)
    assert code == expected : "${name}: Maven ended with code ${code}, not ${expected} (SIG${signal})${build.tail()}"
    if (signal == "KILL") {
      // nothing waited for the engine's JVM: it notices that its input ended, and stops what it started itself
      NestedBuild.await("${name}: the engine's JVM ${engine} to stop everything and end", Duration.ofSeconds(90)) {
        !NestedBuild.alive(engine)
      }
    } else {
      assert build.tail(200).replaceAll(/\u001B\[[0-9;]*m/, "").contains("[segment] Stopped; nothing of the run is left running") : build.tail(200)
    }
    // checked at once: Maven waited for the engine's JVM, or the engine's JVM ended only once everything was stopped
    assert !NestedBuild.alive(engine) : "${name}: the engine's JVM ${engine} still runs after Maven ended"
    assert !NestedBuild.alive(testJvm) : "${name}: the test JVM ${testJvm} still runs after the engine's JVM ended"
    assert NestedBuild.processes("sleep 6071").isEmpty() : "${name}: the process fixture still runs"
    NestedBuild.assertNothingLeft(basedir, "after SIG${signal} to Maven with the engine's JVM (${name})")
    def run = new groovy.json.JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
    assert run.segments.find { it.id == "blocks" }.outcome == "ERROR" : "${name}: ${run.segments}"
    def report = new File(basedir, "target/segment-reports/index.html")
    assert report.isFile() && report.text.contains("datetime=\"${run.startedAt}\"") :
        "${name}: no report of the stopped run"
    println build.tail(15)
  } finally {
    build.stopIfRunning()
    NestedBuild.killIfAlive(engine, basedir)
    NestedBuild.killIfAlive(testJvm, basedir)
  }
}

// The engine in Maven's JVM (-Dsegment.fork=false):
// kill -INT <Maven's pid>: only Maven gets the signal; its shutdown hook must stop the test JVM itself.
interrupt(NestedBuild, "sigint-maven", false)
// kill -INT -<pgid>, as Ctrl-C in a terminal: the test JVM gets SIGINT too and ends while the hook runs.
interrupt(NestedBuild, "sigint-group", true)
// kill <Maven's pid>, as a CI server that cancels a job or a container that stops does: the same shutdown hook.
interrupt(NestedBuild, "sigterm-maven", false, "TERM")
// the engine in a JVM of its own: SIGTERM to Maven, which waits for it; SIGKILL to Maven, which cannot
forked(NestedBuild, "fork-sigterm-maven", "TERM")
forked(NestedBuild, "fork-sigkill-maven", "KILL")

return true
