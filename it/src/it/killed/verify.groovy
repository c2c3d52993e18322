import java.time.Duration

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))

def marker = new File(basedir, "target/blocking-test.properties")
marker.delete()
def killed = NestedBuild.start(basedir, localRepositoryPath.toString(), "sigkill", ["segment:run", "-Dsegment=blocks"])
def next = null
long testJvm = -1
try {
  def running = killed.awaitMarker(marker, Duration.ofMinutes(4))
  testJvm = running.getProperty("test.jvm.pid") as long
  assert running.getProperty("build.pid") as long == killed.pid() :
      "the test JVM's parent is ${running.getProperty('build.pid')}, not the Maven JVM ${killed.pid()}"
  assert NestedBuild.alive(testJvm) : "the test JVM ${testJvm} is gone before the signal"

  killed.signal("KILL")
  int code = killed.awaitExit(Duration.ofSeconds(30))
  assert code == 137 : "Maven ended with code ${code}, not 137 (SIGKILL)${killed.tail()}"

  // Nothing can remove them at this moment: the killed run's container and network are there. If they were not,
  // this case would not show that the next run removes them.
  def owned = "${NestedBuild.OWNER_LABEL}=${killed.pid()}"
  def left = NestedBuild.containers(owned) + NestedBuild.networks(owned)
  println "left by the killed build, as expected:\n" + left.join("\n")
  assert left.any { it.startsWith("container ") && it.contains(" Up ") } :
      "no running container of the killed build (${owned}) right after SIGKILL: ${left}"
  assert left.any { it.startsWith("network ") } : "no network of the killed build (${owned}) right after SIGKILL: ${left}"

  // The test JVM notices that its build is gone and ends by itself.
  long killedAt = System.nanoTime()
  NestedBuild.await("the test JVM ${testJvm} to end by itself after its build was killed", Duration.ofSeconds(30)) {
    !NestedBuild.alive(testJvm)
  }
  println "the test JVM ${testJvm} ended ${Duration.ofNanos(System.nanoTime() - killedAt).toMillis()} ms after the build"
  def jvms = NestedBuild.testJvms(basedir)
  assert jvms.isEmpty() : "test JVMs of the killed build still run:\n" + jvms.join("\n")

  // Every labelled container and network whose owning build is gone is an orphan the next run must remove:
  // the killed build's, and any an earlier crash left.
  def ownerGone = { String line ->
    def owner = (line =~ / owner (\d+)/)
    !owner.find() || !NestedBuild.alive(owner.group(1) as long)
  }
  def labelled = NestedBuild.containers() + NestedBuild.networks()
  def orphans = labelled.findAll(ownerGone)
  def notOrphans = labelled - orphans
  assert notOrphans.isEmpty() : "containers or networks of a build that still runs, nothing this case can check: " +
      notOrphans
  def ids = { List<String> lines -> lines.collect { it.split(" ")[1] } }
  assert ids(orphans).containsAll(ids(left)) : "the killed build's ${left} are not all among the orphans ${orphans}"

  next = NestedBuild.start(basedir, localRepositoryPath.toString(), "after-sigkill", ["segment:run", "-Dsegment=next"])
  int nextCode = next.awaitExit(Duration.ofMinutes(4))
  def log = next.log.text
  println next.tail(12)
  assert nextCode == 0 : "the run after the killed one failed with code ${nextCode}${next.tail()}"
  def removed = "[INFO] Removed ${orphans.size()} container(s) and network(s) left by an earlier run that did not end"
  assert log.contains(removed) :
      "the run after the killed one did not say: ${removed}\n(orphans before it: ${orphans})${next.tail()}"
  println "the run after the killed one said: ${removed}"
  assert log.contains("\u2714 next (app \u2194 cache-again) PASSED: 1/1 tests passed") : "next did not pass${next.tail()}"
  NestedBuild.assertNothingLeft(basedir, "after the run that followed the killed one")
} finally {
  killed.stopIfRunning()
  next?.stopIfRunning()
  NestedBuild.killIfAlive(testJvm, basedir)
}

return true
