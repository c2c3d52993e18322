import java.time.Duration

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))

// The local processes of this case: the process fixtures (each sleeps for a number of seconds of its own) and
// the embedded PostgreSQL servers, whose data directories are the plugin's, under the temporary directory.
def postgresData = new File(System.getProperty("java.io.tmpdir"),
    "segment-maven-plugin-${System.getProperty('user.name')}/postgres").path
def ours = { -> NestedBuild.processes("sleep 606[123]") + NestedBuild.processes(postgresData) }

// The declared secrets (the embedded PostgreSQL's password, the process fixture's token): in no file under target/
// after a killed build and the run that follows it.
def secrets = ["kl-pg-secret-8812", "kl-tok-3377"]
def assertNoSecretInFiles = { String after ->
  def found = []
  int scanned = 0
  new File(basedir, "target").eachFileRecurse(groovy.io.FileType.FILES) { f ->
    scanned++
    def bytes = f.bytes
    def text = new String(bytes, "ISO-8859-1")
    secrets.each { secret -> if (text.contains(new String(secret.getBytes("UTF-8"), "ISO-8859-1"))) found << "${f}: ${secret}" }
  }
  assert found.isEmpty() : "secrets left in files under target/ ${after}:\n" + found.join("\n")
  println "no secret in the ${scanned} files under target/ ${after}"
}

/**
 * Starts `segment:run -Dsegment=<segment>`, waits for `marker`, kills Maven with SIGKILL and checks what it left:
 * a running container of its own, a network, and the local processes `expected` (patterns). Then the next run must
 * remove and stop all of it, say so, and leave nothing of ours: no container, network, lease volume, test JVM or
 * process.
 */
def killAndRecover = { String segment, File marker, String when, List<String> expected, Closure onKilled ->
  marker.delete()
  // the engine in Maven's JVM, which SIGKILL ends with it (in a JVM of its own, the engine would stop everything
  // itself: the interrupt case)
  def killed = NestedBuild.start(basedir, localRepositoryPath.toString(), "sigkill-" + segment,
      ["segment:run", "-Dsegment=" + segment, "-Dsegment.fork=false"])
  def next = null
  def running = null
  try {
    running = killed.awaitMarker(marker, Duration.ofMinutes(4))
    killed.signal("KILL")
    int code = killed.awaitExit(Duration.ofSeconds(30))
    assert code == 137 : "Maven ended with code ${code}, not 137 (SIGKILL)${killed.tail()}"

    // Nothing can stop them at this moment: if they were not there, this case would not show that the next run
    // removes them.
    def owned = "${NestedBuild.OWNER_LABEL}=${killed.pid()}"
    def left = NestedBuild.containers(owned) + NestedBuild.networks(owned)
    println "[${segment}] left by the build killed ${when}, as expected:\n" + (left + ours()).join("\n")
    assert left.any { it.startsWith("container ") && it.contains(" Up ") } :
        "${segment}: no running container of the build killed ${when} (${owned}): ${left}"
    assert left.any { it.startsWith("network ") } : "${segment}: no network of the killed build: ${left}"
    def processes = ours()
    expected.each { pattern ->
      assert processes.any { it =~ pattern } :
          "${segment}: no process '${pattern}' of the build killed ${when} runs: ${processes}"
    }
    onKilled(running)

    // Every labelled container and network whose owning build is gone is an orphan the next run must remove.
    def ownerGone = { String line ->
      def owner = (line =~ / owner (\d+)/)
      !owner.find() || !NestedBuild.alive(owner.group(1) as long)
    }
    def labelled = NestedBuild.containers() + NestedBuild.networks()
    def orphans = labelled.findAll(ownerGone)
    assert (labelled - orphans).isEmpty() : "containers or networks of a build that still runs: ${labelled - orphans}"

    next = NestedBuild.start(basedir, localRepositoryPath.toString(), "after-" + segment,
        ["segment:run", "-Dsegment=next"])
    int nextCode = next.awaitExit(Duration.ofMinutes(4))
    def log = next.log.text
    println next.tail(12)
    assert nextCode == 0 : "the run after the one killed ${when} failed with code ${nextCode}${next.tail()}"
    def removed = "[INFO] Removed ${orphans.size()} container(s) and network(s) left by an earlier run that did not end"
    assert log.contains(removed) : "the run after the killed one did not say: ${removed}${next.tail()}"
    def stopped = log.readLines().find { it.startsWith("[INFO] Stopped ") }
    assert stopped != null && stopped.contains(" process(es) left by an earlier run that did not end: ") :
        "the run after the one killed ${when} did not say which processes it stopped${next.tail()}"
    assert stopped.contains("of segment '${segment}'") : "the processes of '${segment}' are not among: ${stopped}"
    println "the run after the one killed ${when} said: ${stopped}"
    assert log.contains("\u2714 next (app \u2194 cache-again) PASSED: 1/1 tests passed") : "next did not pass${next.tail()}"

    NestedBuild.await("the test JVMs of the build killed ${when} to end", Duration.ofSeconds(30)) {
      NestedBuild.testJvms(basedir).isEmpty()
    }
    NestedBuild.assertNothingLeft(basedir, "after the run that followed the one killed ${when}")
    assertNoSecretInFiles("after the run that followed the one killed ${when}")
    assert ours().isEmpty() : "processes of the build killed ${when} still run:\n" + ours().join("\n")
    println "[${segment}] no process of ours runs after the next run"
  } finally {
    killed.stopIfRunning()
    next?.stopIfRunning()
    if (running?.getProperty("test.jvm.pid")) {
      NestedBuild.killIfAlive(running.getProperty("test.jvm.pid") as long, basedir)
    }
  }
}

// 1. During the tests: the test JVM, a redis container, a process fixture and an embedded PostgreSQL run.
killAndRecover("blocks", new File(basedir, "target/blocking-test.properties"), "during its tests",
    ["sleep 6061", postgresData]) { Properties running ->
  long testJvm = running.getProperty("test.jvm.pid") as long
  assert running.getProperty("build.pid") as long != ProcessHandle.current().pid()
  // The test JVM notices that its build is gone and ends by itself.
  long killedAt = System.nanoTime()
  NestedBuild.await("the test JVM ${testJvm} to end by itself after its build was killed", Duration.ofSeconds(30)) {
    !NestedBuild.alive(testJvm)
  }
  println "the test JVM ${testJvm} ended ${Duration.ofNanos(System.nanoTime() - killedAt).toMillis()} ms after the build"
}

// 2. During the start of its fixtures: redis and PostgreSQL are up, the process fixture waits to be ready.
killAndRecover("starting", new File(basedir, "target/fixture-starting"), "while its fixtures start",
    ["sleep 6062", postgresData]) { running -> }

// 3. During teardown: the process fixture takes its time to stop, redis and PostgreSQL wait for it.
killAndRecover("stopping", new File(basedir, "target/fixture-stopping"), "while its fixtures stop",
    ["sleep 6063", postgresData]) { running -> }

return true
