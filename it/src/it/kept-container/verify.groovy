import java.time.Duration

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))

// kept containers, as "<id> <fixture id>"
def kept = { -> NestedBuild.run(["docker", "ps", "-a", "--filter", "label=io.segmented.kept", "--format",
    "{{.ID}} {{.Label \"io.segmented.kept-fixture\"}}"]).readLines().findAll { it.trim() } as Set }
def seen = new File(basedir, "target/resets-seen")
def build = { String name, List<String> args ->
  seen.delete()
  def b = NestedBuild.start(basedir, localRepositoryPath.toString(), name, ["segment:run"] + args)
  int code = b.awaitExit(Duration.ofMinutes(4))
  def log = b.log.text
  println b.tail(8)
  assert code == 0 : "${name} failed with code ${code}${b.tail()}"
  assert log.contains("\u2714 pages (shop \u2194 web) PASSED: 1/1 tests passed") : "${name}: pages did not pass${b.tail()}"
  assert seen.isFile() : "${name}: the test left no count of resets"
  return log
}
def keep = "-Dsegment.keep=10m"

def log = new File(basedir, "build.log").text
assert log =~ /fixtures: web \(container, container\), cache \(redis, container\)/

// a kept container of this project that an earlier, interrupted run of this case left would be leased at once
def clean = NestedBuild.start(basedir, localRepositoryPath.toString(), "down-before", ["segment:down"])
assert clean.awaitExit(Duration.ofMinutes(2)) == 0 : clean.tail()
// other projects' kept fixtures on the engine are theirs: only what this case keeps is counted
def before = kept()
try {
  // 1. keep: true keeps the web container; its lease ran the reset once (scope segment: not again before the
  // tests). keep: false starts the redis for this build only.
  def first = build("first", [keep])
  assert first =~ /\[pages\] fixture web \(container, [^)]*\) started in [0-9.]+ s, kept for 10 min/
  assert first =~ /\[pages\] fixture cache \(redis, [^)]*\) started in [0-9.]+ s\r?\n/ : "the redis was kept"
  assert seen.text == "1" : "resets seen by the first build: ${seen.text}"
  def afterFirst = kept() - before
  assert afterFirst*.split(" ")*.getAt(1) == ["web"] : "kept after the first build: ${afterFirst}"
  assert NestedBuild.containers().isEmpty() : "containers of a run left: ${NestedBuild.containers()}"

  // 2. segment:plan shows the manifest's word and what a run would do.
  def plan = NestedBuild.start(basedir, localRepositoryPath.toString(), "plan", ["segment:plan", keep])
  assert plan.awaitExit(Duration.ofMinutes(2)) == 0 : plan.tail()
  assert plan.log.text =~ /web \(container, container\) \S+, reuse segment, keep: true, kept: would lease one started \d+ s ago/ : plan.tail()
  assert plan.log.text =~ /cache \(redis, container\) \S+, reuse segment, keep: false\r?\n/ : plan.tail()

  // 3. The second build leases the same container, whose file survived, and its lease ran the reset once more;
  // the redis is started fresh again.
  def second = build("second", [keep])
  assert second =~ /\[pages\] fixture web \(container, [^)]*\) kept, \d+ s old, ready in (?:\d+ ms|\d+\.\d s)/
  assert second =~ /\[pages\] fixture cache \(redis, [^)]*\) started in [0-9.]+ s\r?\n/ : "the redis was kept"
  assert seen.text == "2" : "resets seen by the second build on the kept container: ${seen.text}"
  assert kept() - before == afterFirst : "the second build did not lease the same container: ${kept() - before}"
  def results = new groovy.json.JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
  def fixtures = results.segments[0].fixtures.collectEntries { [(it.id): it.kept] }
  assert fixtures.web.startsWith("kept, ") : fixtures
  assert !fixtures.cache : fixtures
  assert NestedBuild.containers().isEmpty() : "containers of a run left: ${NestedBuild.containers()}"
} finally {
  // 4. segment:down removes the kept container.
  def down = NestedBuild.start(basedir, localRepositoryPath.toString(), "down", ["segment:down"])
  assert down.awaitExit(Duration.ofMinutes(2)) == 0 : down.tail()
  assert down.log.text =~ /Removed 1 kept fixture\(s\) of kept-container/ : down.tail()
}
assert kept() - before == [] as Set : "kept containers after segment:down: ${kept() - before}"
assert NestedBuild.containers().isEmpty() : "containers labelled io.segmented.run-id left: ${NestedBuild.containers()}"
assert NestedBuild.networks().isEmpty() : "networks of a run left: ${NestedBuild.networks()}"
// the watcher of kept fixtures is one per user and engine, perhaps another project's: it holds its lease until
// nothing is kept anywhere on the engine (the kept-fixtures case waits for that); a run's own lease is gone
def runLeases = NestedBuild.volumes().findAll { !it.contains(" run watcher-") }
assert runLeases.isEmpty() : "leases of a run left: ${runLeases}"
assert NestedBuild.testJvms(basedir).isEmpty() : "test JVMs left: ${NestedBuild.testJvms(basedir)}"
