import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log.contains("5 of 7 segment(s) failed:")
assert log.contains("segment 'halts': the test JVM exited with code 7 while running it.faults.HaltingIT.halts")
assert log.contains("segment 'missing-image' (app \u2194 ghost): FIXTURE-ERROR")
assert log.contains("segment 'missing-image': fixture 'ghost' (container): image 'segmented-it/does-not-exist:0' is not on this machine and could not be pulled: ")
assert log.contains("Build or pull it (docker pull segmented-it/does-not-exist:0), or set 'image' to one your registry serves")
// the failed pull is told once, in that message: not also by docker-java, at ERROR level with its stack trace
assert !log.contains("Error during callback")
assert log.contains("segment 'never-ready' (app \u2194 web): FIXTURE-ERROR")
assert log =~ /segment 'never-ready': fixture 'web' \(container, image [^)]+\) did not become ready: waited \d+ s \(startupTimeout 3 s\) for HTTP GET \/no-such-page on port 8080 to answer 200/
assert log.contains("segment 'exits' (app \u2194 jvm): ERROR")
assert log.contains("segment 'exits': the test JVM exited with code 3 while running it.faults.ExitingIT.callsSystemExit")
assert log.contains("| about to exit")
assert log.contains("\u2714 fine (app \u2194 nothing) PASSED: 1/1 tests passed")

def reports = new File(basedir, "target/segment-reports")
def results = new JsonSlurper().parse(new File(reports, "segment-results.json"))
assert results.segments*.outcome == ["FIXTURE_ERROR", "FIXTURE_ERROR", "ERROR", "ERROR", "PASSED", "FLAKY", "FAILED"]
assert results.segments[0].tests.isEmpty()
assert results.segments[0].fixtures[0].error.contains("did not become ready")
def exits = results.segments[2].tests
assert exits.find { it.name == "passesFirst" }.outcome == "PASSED"
assert exits.find { it.name == "callsSystemExit" }.outcome == "ERROR"
// CI servers that read only JUnit XML see the fixture error too
assert new File(reports, "TEST-never-ready.xml").text.contains("FIXTURE-ERROR")
assert new File(reports, "logs/never-ready/web.log").isFile()

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
def networks = ["docker", "network", "ls", "-q", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert networks.isEmpty() : "networks left behind: " + networks
// test JVMs run from an argument file under target/segment-work
def forks = ["pgrep", "-f", new File(basedir, "target/segment-work").path].execute().text.trim()
assert forks.isEmpty() : "test JVMs left running: " + forks

def html = new File(reports, "index.html").text
assert html.contains(">FIXTURE-ERROR</span>")
assert html.contains(">ERROR</span>")
assert html.contains("never-ready: FIXTURE-ERROR</text>")

// a flaky test and a failure whose message is markup, in the page a person opens first
assert html.contains(">FLAKY</span>") && html.contains(">FAILED</span>")
assert html.contains("FLAKY, failed 1 of 2 attempts, then passed")
assert html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
assert !html.contains("<script>") : "a test's message became markup"
assert html.contains("<h2 id=\"timeline\">Timeline</h2>")
