import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log.contains("\u2714 params (app \u2194 jvm) PASSED: 3/3 tests passed")
assert log.contains("\u2718 broken-source (app \u2194 arguments) FAILED: 1/2 tests passed")
assert log =~ /it\.j\.BrokenSourceIT\.usesCases[^:]* \(set-up\): the argument source is broken/

def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
assert results.segments*.outcome == ["PASSED", "FAILED", "PASSED", "PASSED"]
assert log.contains("\u2714 fast-jvm (app \u2194 jvm-defaults) PASSED: 2/2 tests passed")
assert log.contains("\u2714 own-collector (app \u2194 jvm-own-collector) PASSED: 2/2 tests passed")
// the options are on the JVM's command line, once, before the segment's own
def args = { s -> new File(basedir, "target/segment-work/" + s + "/jvm.args").readLines() }
assert args("fast-jvm").count("\"-XX:+UseSerialGC\"") == 1
assert !args("own-collector").contains("\"-XX:+UseSerialGC\"")
assert args("own-collector").indexOf("\"-XX:TieredStopAtLevel=1\"") < args("own-collector").indexOf("\"-XX:+UseG1GC\"")
assert results.segments[0].tests.size() == 3
assert results.segments[1].tests.find { it.name.contains("(set-up)") }.outcome == "ERROR"
