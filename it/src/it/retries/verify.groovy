import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
// 1: FLAKY, reported with its attempt, and the build passes
assert log.contains("\u26a0 flaky (app \u2194 web) FLAKY: 2/2 tests passed (1 flaky), ")
// its first failure was told as it came, as a warning: the segment retries it
assert log.contains("[WARNING] [flaky] \u2718 it.retry.FlakyIT.failsOnItsFirstAttemptOnly FAILED (may be retried): first attempt fails on purpose")
assert log.contains("it.retry.FlakyIT.failsOnItsFirstAttemptOnly: FLAKY, failed 1 of 2 attempts, first with: first attempt fails on purpose")
def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
def flaky = results.segments.find { it.id == "flaky" }
assert flaky.outcome == "FLAKY"
assert results.totals.flaky == 1
def test = flaky.tests.find { it.name == "failsOnItsFirstAttemptOnly" }
assert test.outcome == "FLAKY"
assert test.attempts.size() == 1 && test.attempts[0].outcome == "FAILED"
assert test.attempts[0].message == "first attempt fails on purpose"
assert flaky.tests.find { it.name == "alwaysPasses" }.outcome == "PASSED"
// only the failed test ran again: alwaysPasses ran once per invocation (invocations 1 and 2), the flaky one twice each
def target = new File(basedir, "target")
assert target.listFiles().count { it.name.startsWith("steady-") } == 2
def ports = target.listFiles().findAll { it.name.startsWith("web-port-") }
assert ports.size() == 4
// the retry ran against the same fixture, still up: the same mapped port within one invocation
assert ports*.text.unique().size() == 2
// surefire's flaky element, which CI servers show as flaky
def xml = new File(basedir, "target/segment-reports/TEST-flaky.it.retry.FlakyIT.xml").text
assert xml.contains("<flakyFailure message=\"first attempt fails on purpose\"")
assert new File(basedir, "target/segment-reports/logs/flaky/test-jvm-retry-1.log").isFile()
def html = new File(basedir, "target/segment-reports/index.html").text
assert html.contains("FLAKY, failed 1 of 2 attempts, then passed")

// 2: the same with -Dsegment.failOnFlaky fails the build
assert log.contains("Flaky tests fail this build because segment.failOnFlaky is set.")

// 3: failing every time: FAILED after 3 attempts, each kept
assert log.contains("\u2718 broken (app \u2194 nothing) FAILED: 0/1 tests passed")
def broken = new JsonSlurper().parse(new File(basedir, "target/broken/segment-results.json")).segments.find { it.id == "broken" }
assert broken.outcome == "FAILED"
assert broken.tests.size() == 1
assert broken.tests[0].attempts.size() == 2
def brokenXml = new File(basedir, "target/broken/TEST-broken.it.retry.BrokenIT.xml").text
assert brokenXml.count("<rerunFailure") == 2 && brokenXml.count("<failure") == 1

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
