import java.time.Duration
import java.util.concurrent.TimeUnit

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))

// The engine over TCP on a non-loopback address, as a remote one is: docker0's address, where Docker also
// publishes the containers' ports. A second dockerd would take the first one's bridge on this kind of machine, so
// the one engine is exposed over TCP by socat instead; to the build it is an engine at tcp://<address>:<port>.
String ipOut = NestedBuild.run(["ip", "-4", "-o", "addr", "show", "docker0"])
def matcher = ipOut =~ /inet (\d+\.\d+\.\d+\.\d+)\//
assert matcher.find() : "docker0 has no IPv4 address, so there is no non-loopback address to reach the engine at: ${ipOut}"
String address = matcher.group(1)
int port = new ServerSocket(0, 1, InetAddress.getByName(address)).withCloseable { it.localPort }
String dockerHost = "tcp://${address}:${port}"
assert ["sh", "-c", "command -v socat"].execute().waitFor() == 0 : "socat is missing: apt-get install -y socat"

File socatLog = new File(basedir, "socat.log")
Process socat = new ProcessBuilder(["socat", "TCP-LISTEN:${port},bind=${address},fork,reuseaddr".toString(),
                                    "UNIX-CONNECT:/var/run/docker.sock"])
    .redirectErrorStream(true).redirectOutput(socatLog).start()
String image = ((new File(basedir, "pom.xml").text =~ /<it\.image\.httpd>([^<]+)</)[0][1])
String leftoverRun = "remote-engine-leftover-${System.nanoTime()}"
def build = null
try {
  NestedBuild.await("the engine to answer at ${dockerHost}", Duration.ofSeconds(30)) {
    assert socat.isAlive() : "socat ended with code ${socat.exitValue()}: ${socatLog.text}"
    ["docker", "-H", dockerHost, "version"].execute().waitFor() == 0
  }

  // What a dead build left on that engine: a container labelled as this plugin labels its own, whose owner's
  // process ran on this host, in this PID namespace, and has ended.
  Process gone = ["true"].execute()
  gone.waitFor()
  long deadPid = gone.pid()
  assert !NestedBuild.alive(deadPid)
  String host = System.getenv("HOSTNAME") ?: InetAddress.getLocalHost().getHostName()
  String processes = new File("/proc/sys/kernel/random/boot_id").text.trim() + "/" +
      java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid"))
  String leftover = NestedBuild.run(["docker", "-H", dockerHost, "create",
      "--label", "${NestedBuild.RUN_LABEL}=${leftoverRun}".toString(),
      "--label", "io.segmented.segment=remote",
      "--label", "${NestedBuild.OWNER_LABEL}=${deadPid}".toString(),
      "--label", "io.segmented.owner-host=${host}".toString(),
      "--label", "io.segmented.owner-processes=${processes}".toString(),
      image])
  println "left on the engine at ${dockerHost} by a build that ended (pid ${deadPid}): container ${leftover}"

  build = NestedBuild.start(basedir, localRepositoryPath.toString(), "remote", ["segment:run"],
      ["DOCKER_HOST": dockerHost, "HOSTNAME": host, "TESTCONTAINERS_HOST_OVERRIDE": null,
       "DOCKER_TLS_VERIFY": null, "DOCKER_CERT_PATH": null, "DOCKER_CONTEXT": null])
  int code = build.awaitExit(Duration.ofMinutes(4))
  def log = build.log.text
  println build.tail(12)
  assert code == 0 : "the run against the engine at ${dockerHost} failed with code ${code}${build.tail()}"
  assert log.contains("[INFO] Removed 1 container(s) and network(s) left by an earlier run that did not end") :
      "the run did not sweep the dead build's container from the engine at ${dockerHost}${build.tail()}"
  assert NestedBuild.containers("${NestedBuild.RUN_LABEL}=${leftoverRun}").isEmpty() :
      "the dead build's container is still on the engine"
  assert log.contains("\u2714 remote (app \u2194 web) PASSED: 1/1 tests passed") : "the segment did not pass${build.tail()}"
  String fixtureHost = new File(basedir, "target/fixture-host").text
  assert fixtureHost == address : "the test reached the fixture at ${fixtureHost}, not at the engine's address ${address}"
  println "the fixture was reached at the engine's address ${fixtureHost}, and the sweep removed ${leftover}"
} finally {
  build?.stopIfRunning()
  socat.destroy()
  if (!socat.waitFor(10, TimeUnit.SECONDS)) {
    socat.destroyForcibly()
  }
  def ids = NestedBuild.run(["docker", "ps", "-aq", "--filter", "label=${NestedBuild.RUN_LABEL}=${leftoverRun}"])
  if (ids) {
    NestedBuild.run(["docker", "rm", "-f"] + ids.readLines())
  }
}
NestedBuild.assertNothingLeft(basedir, "after the run against the engine over TCP")
return true
