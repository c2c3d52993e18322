import java.time.Duration
import java.util.concurrent.TimeUnit

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))

def marker = new File(basedir, "target/blocking-test.properties")
marker.delete()
File mvn = new File(System.getProperty("maven.home"), "bin/mvn")
File settings = new File(basedir.parentFile, "interpolated-settings.xml")
File isolatedLog = new File(basedir, "isolated.log")

// Build A in a PID namespace of its own. Its process ids start high, so that the id its labels carry names no
// process out here: the old rule (owner-pid not alive on this host) would then take its containers for orphans.
String inner = "echo 4000000 > /proc/sys/kernel/ns_last_pid && '${mvn.path}' -B -ntp" +
    " '-Dmaven.repo.local=${localRepositoryPath}' -s '${settings.path}' segment:run -Dsegment=holds"
def builder = new ProcessBuilder(["unshare", "--pid", "--fork", "--mount-proc", "--kill-child", "sh", "-c", inner.toString()])
    .directory(basedir).redirectErrorStream(true).redirectOutput(isolatedLog)
builder.environment().put("TESTCONTAINERS_RYUK_DISABLED", "true")
Process isolated = builder.start()
def tail = { "\n--- ${isolatedLog} ---\n" + (isolatedLog.isFile() ? isolatedLog.readLines().takeRight(40).join("\n") : "") }
def neighbour = null
String runId = null
try {
  NestedBuild.await("the build in its own PID namespace to run its test", Duration.ofMinutes(4)) {
    assert isolated.isAlive() : "the build in its own PID namespace ended with code ${isolated.exitValue()}" +
        " (unshare needs root, or CAP_SYS_ADMIN)${tail()}"
    marker.isFile()
  }
  def theirs = NestedBuild.containers().findAll { it.contains(" Up ") }
  assert theirs.size() == 1 : "not exactly one running container of the isolated build: ${theirs}"
  runId = (theirs[0] =~ / run (\S+)/)[0][1]
  long ownerPid = (theirs[0] =~ / owner (\d+)/)[0][1] as long
  assert ownerPid > 4000000 : "the isolated build's process id ${ownerPid} is not one of its namespace's high ids"
  assert !NestedBuild.alive(ownerPid) :
      "process ${ownerPid} runs out here too: this case cannot show the neighbour leaves the isolated build alone"
  println "the isolated build's container ${theirs[0]}: its owner ${ownerPid} names no process out here"

  // Build B beside it: same engine, same host name, this PID namespace.
  neighbour = NestedBuild.start(basedir, localRepositoryPath.toString(), "neighbour", ["segment:run", "-Dsegment=neighbour"])
  int code = neighbour.awaitExit(Duration.ofMinutes(4))
  def log = neighbour.log.text
  println neighbour.tail(10)
  assert code == 0 : "the neighbour failed with code ${code}${neighbour.tail()}"
  assert !log.contains("left by an earlier run that did not end") :
      "the neighbour removed what it took for orphans${neighbour.tail()}"
  assert log.contains("\u2714 neighbour (app \u2194 cache-beside) PASSED: 1/1 tests passed")

  def stillThere = NestedBuild.containers("${NestedBuild.RUN_LABEL}=${runId}")
  assert stillThere.any { it.contains(" Up ") } :
      "the isolated build's redis is gone after the neighbour's run: ${stillThere}${tail()}"
  assert isolated.isAlive() : "the isolated build ended while its test should still run${tail()}"
  assert NestedBuild.volumes("${NestedBuild.LEASE_LABEL}=${runId}").size() == 1 :
      "the isolated build holds no lease: ${NestedBuild.volumes()}"
  println "the isolated build's redis still runs after its neighbour's run, and its lease is held"
} finally {
  isolated.destroyForcibly() // unshare --kill-child: the namespace and every process in it end with it
  isolated.waitFor(30, TimeUnit.SECONDS)
  neighbour?.stopIfRunning()
  // what the killed isolated build left would go once its lease lapses (a minute); this case does not wait
  if (runId != null) {
    ["container", "network", "volume"].each { kind ->
      def ids = NestedBuild.run(["docker", kind, "ls", "-q", "--filter", "label=${NestedBuild.RUN_LABEL}=${runId}"] +
          (kind == "container" ? ["-a"] : []))
      if (ids) {
        NestedBuild.run(["docker", kind, "rm", "-f"] + ids.readLines())
      }
    }
  }
}
NestedBuild.assertNothingLeft(basedir, "after the case")
return true
