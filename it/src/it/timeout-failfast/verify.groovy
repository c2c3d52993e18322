import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log.contains("segment 'hangs' (app \u2194 web): TIMED-OUT")
assert log.contains("segment 'hangs' ran past its timeout of 4 s while running it.t.HangingIT.waitsForever; the test JVM's threads at that moment: ")
assert log.contains("- later (app \u2194 jvm) SKIPPED: not started: an earlier segment failed and segment.failFast is set")

def reports = new File(basedir, "target/segment-reports")
def results = new JsonSlurper().parse(new File(reports, "segment-results.json"))
assert results.segments*.outcome == ["TIMED_OUT", "SKIPPED"]
assert results.segments[0].tests.find { it.name == "waitsForever" }.outcome == "ERROR"
def dump = new File(reports, "logs/hangs/thread-dump.txt").text
assert dump.contains("it.t.HangingIT.waitsForever")
assert dump.contains("java.lang.Thread.sleep")
assert new File(reports, "TEST-hangs.it.t.HangingIT.xml").text.contains("timeout of 4 s passed while this test ran")

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
def forks = ["pgrep", "-f", new File(basedir, "target/segment-work").path].execute().text.trim()
assert forks.isEmpty() : "test JVMs left running: " + forks
