import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log.contains("\u2714 params (app \u2194 jvm) PASSED: 3/3 tests passed")
assert log.contains("\u2718 broken-source (app \u2194 arguments) FAILED: 1/2 tests passed")
assert log =~ /it\.j\.BrokenSourceIT\.usesCases[^:]* \(set-up\): the argument source is broken/

def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
assert results.segments*.outcome == ["PASSED", "FAILED", "PASSED", "PASSED", "PASSED"]
assert log.contains("\u2714 fast-jvm (app \u2194 jvm-defaults) PASSED: 2/2 tests passed")
assert log.contains("\u2714 own-collector (app \u2194 jvm-own-collector) PASSED: 2/2 tests passed")
// the options are on the JVM's command line, once, before the segment's own
def args = { s -> new File(basedir, "target/segment-work/" + s + "/jvm.args").readLines() }
assert args("fast-jvm").count("\"-XX:+UseSerialGC\"") == 1
assert !args("own-collector").contains("\"-XX:+UseSerialGC\"")
assert args("own-collector").indexOf("\"-XX:TieredStopAtLevel=1\"") < args("own-collector").indexOf("\"-XX:+UseG1GC\"")
assert results.segments[0].tests.size() == 3
assert results.segments[1].tests.find { it.name.contains("(set-up)") }.outcome == "ERROR"

// the class-data archive: dumped at the end of the first run from the four segments' class lists (own-collector's G1
// maps the same archive), none in the second run
assert (log =~ /Class-data archive of the test classpath's jars written in [0-9.]+ s \(\d+ classes listed, [^)]*class-data[^)]*\.jsa\)/).size() == 1
def archives = new File(basedir, "target/segment-work/class-data").listFiles().findAll { it.name.endsWith(".jsa") }
assert archives.size() == 1
def shared = archives[0]
def classList = new File(shared.path.replaceFirst(/\.jsa$/, ".classes")).readLines()
assert classList[0] == "# segments: broken-source fast-jvm left-process own-collector params"
assert classList.contains("org/junit/platform/launcher/core/LauncherFactory")
// Testcontainers' exit hook (its client connected by the warm-up) finds its classes though the build started no container
assert !log.contains("NoClassDefFoundError")
// the second run's JVMs map it, with the jars first and the folders after them in Maven's order
def cp = { s -> def a = args(s); a[a.indexOf("\"-cp\"") + 1].replace("\"", "").split(File.pathSeparator) as List }
["params", "fast-jvm", "own-collector"].each { s ->
  assert args(s).contains("\"-XX:SharedArchiveFile=" + shared.path + "\"")
  def entries = cp(s)
  def firstDir = entries.findIndexOf { !it.endsWith(".jar") }
  assert entries.subList(firstDir, entries.size()).collect { new File(it).name } == ["test-classes", "classes"]
  assert entries.subList(0, firstDir).every { it.endsWith(".jar") }
}
// and load the jars' classes from it: the JVM's own log of where each class came from
def loaded = new File(basedir, "target/fast-jvm-classes.txt").readLines()
assert loaded.find { it.contains("org.junit.platform.launcher.core.LauncherFactory source: shared objects file") }
assert loaded.find { it.contains("it.j.JvmOptionsIT source: file:") }
def r2 = new JsonSlurper().parse(new File(basedir, "target/r2/segment-results.json"))
assert r2.segments*.outcome == ["PASSED", "FAILED", "PASSED", "PASSED", "PASSED"]

// the process LeftProcessIT started and forgot is stopped once its JVM exited, in each run, and the build says so
assert (log =~ /\[WARNING\] \[left-process\] stopped 1 process\(es\) its tests started and left running: \d+ \([^)]*sleep[^)]*\)/).size() == 2
assert !"ps -eo args".execute().text.readLines().any { it.trim() == "sleep 613.25" }
def jvmLog = new File(basedir, "target/r2/logs/left-process/test-jvm.log").text
assert jvmLog =~ /\[segment\] stopped 1 process\(es\) its tests started and left running: \d+/
