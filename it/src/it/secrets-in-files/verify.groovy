import groovy.json.JsonSlurper

import java.nio.charset.StandardCharsets
import java.time.Duration

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))

def secrets = ["Zq7-pg-secret-4411", "tökén-ünïcode-42", "svc-tok-9a8b7c", "shr-tok-5150c"]

/** Fails when a file under target/ holds a declared secret, read as UTF-8 or byte for byte. */
def noSecretUnderTarget = { String after ->
  def found = []
  def scanned = 0
  new File(basedir, "target").eachFileRecurse { f ->
    if (!f.isFile()) {
      return
    }
    scanned++
    byte[] bytes = f.bytes
    def asUtf8 = new String(bytes, StandardCharsets.UTF_8)
    def asLatin1 = new String(bytes, StandardCharsets.ISO_8859_1)
    secrets.each { s ->
      if (asUtf8.contains(s) || asLatin1.contains(s)) {
        found << "${f.path.substring(basedir.path.length() + 1)}: ${s}"
      }
    }
  }
  assert scanned > 10 : "only ${scanned} files under target/ ${after}"
  assert found.isEmpty() : "secrets left in files under target/ ${after}:\n" + found.join("\n")
  println "[secrets-in-files] no secret in the ${scanned} files under target/ ${after}"
}

// 1. The invoker's build: a passing and a failing segment.
def log = new File(basedir, "build.log").text
def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
def outcome = results.segments.collectEntries { [(it.id): it.outcome] }
assert outcome == [passing: "PASSED", failing: "FAILED", killed: "SKIPPED", shared: "SKIPPED", "shared-again": "SKIPPED"] : outcome
// the passing segment's database was restored before its class, over the restore socket and its token
def restored = results.segments.find { it.id == "passing" }.fixtures.find { it.id == "db" }
assert restored.restores >= 1 : restored
// the failure is reported, its secrets masked
assert log.contains("could not log in as shop/**** with token ****") : "the failure, masked"
noSecretUnderTarget("after a passing and a failing segment")
// the fixtures' logs were written, masked
assert new File(basedir, "target/segment-reports/logs/failing/echo.log").text.contains("started with ****")

// 2. A build killed with SIGKILL while the retry of a failed test runs: nothing masked the files at the segment's
// end, and none holds a secret all the same.
def marker = new File(basedir, "target/killed-test.properties")
marker.delete()
new File(basedir, "target/killed-first-attempt").delete()
def killed = NestedBuild.start(basedir, localRepositoryPath.toString(), "sigkill-killed",
    ["segment:run", "-Dsegment=killed"])
def next = null
def running = null
try {
  running = killed.awaitMarker(marker, Duration.ofMinutes(3))
  killed.signal("KILL")
  int code = killed.awaitExit(Duration.ofSeconds(30))
  assert code == 137 : "Maven ended with code ${code}, not 137 (SIGKILL)${killed.tail()}"
  long testJvm = running.getProperty("test.jvm.pid") as long
  NestedBuild.await("the retry's test JVM ${testJvm} to end by itself", Duration.ofSeconds(30)) {
    !NestedBuild.alive(testJvm)
  }
  noSecretUnderTarget("after a build was killed with SIGKILL during a retry, before any other build ran")
  // what the killed build wrote: the first attempt's events with the failure, the retry's argument file and events
  def work = new File(basedir, "target/segment-work/killed")
  def events = new File(work, "events.txt").getText("UTF-8")
  assert events.contains("could not log in as shop/**** with token ****") : "the first attempt's failure: ${events}"
  assert new File(work, "jvm-retry-1.args").getText("UTF-8").contains("-Dsegment.id=killed")
  assert new File(work, "events-retry-1.txt").getText("UTF-8").contains("failsThenWaitsToBeKilledInItsRetry")
  assert new File(basedir, "target/segment-reports/logs/killed/test-jvm-retry-1.log").getText("UTF-8")
      .contains("attempt with **** and ****")

  // 3. The next build removes what the killed one left, and runs a segment beside a fixture the run shares.
  next = NestedBuild.start(basedir, localRepositoryPath.toString(), "after-killed",
      ["segment:run", "-Dsegment=shared*"])
  int nextCode = next.awaitExit(Duration.ofMinutes(3))
  println next.tail(12)
  assert nextCode == 0 : "the run after the killed one failed with code ${nextCode}${next.tail()}"
  assert next.log.text.contains("\u2714 shared (shop \u2194 announcer) PASSED: 1/1 tests passed") : next.tail()
  assert next.log.text.contains("\u2714 shared-again (shop \u2194 announcer-again) PASSED: 1/1 tests passed") : next.tail()
  def sharedLog = new File(basedir, "target/segment-reports/logs/_run/announcer.log")
  assert sharedLog.getText("UTF-8").contains("shared with ****") : "the shared fixture's log: ${sharedLog.text}"
  noSecretUnderTarget("after a passing run with a shared fixture (reuse: run)")
  NestedBuild.assertNothingLeft(basedir, "after the run that followed the killed one")
} finally {
  killed.stopIfRunning()
  next?.stopIfRunning()
  if (running?.getProperty("test.jvm.pid")) {
    NestedBuild.killIfAlive(running.getProperty("test.jvm.pid") as long, basedir)
  }
}
return true
