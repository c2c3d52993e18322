import java.time.Duration

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))

def OURS = NestedBuild.keptProject(basedir)
def kept = { -> NestedBuild.kept(basedir) }
def keptRecords = { -> NestedBuild.keptRecords(basedir) }
def leases = { -> NestedBuild.keptLeases(basedir) }
def build = { String name, List<String> args, List<String> segments ->
  def b = NestedBuild.start(basedir, localRepositoryPath.toString(), name, ["segment:run"] + args)
  int code = b.awaitExit(Duration.ofMinutes(4))
  def log = b.log.text
  println b.tail(8)
  assert code == 0 : "${name} failed with code ${code}${b.tail()}"
  for (s in segments) {
    assert log =~ /\u2714 ${s} \(${s} \u2194 shop-db\) PASSED: 1\/1 tests passed/ : "${name}: ${s} did not pass${b.tail()}"
  }
  return log
}
// one segment at a time: a segment that saw the other's rows or keys would fail
def keep = ["-Dsegment.keep=10m", "-Dsegment.parallel=1"]
// an age as the log says it: 40 s, 3 min, 2 h 5 min
def AGE = /(?:\d+ s|\d+ min|\d+ h(?: \d+ min)?)/

try {
  // 1. The first build starts the run's two shared servers and keeps them.
  def first = build("first", keep, ["orders", "reports"])
  assert first =~ /\[orders\] fixture shop-db \(postgres, [^)]*\) started in [0-9.]+ s, kept for 10 min/
  assert first =~ /\[orders\] fixture cache \(redis, [^)]*\) started in [0-9.]+ s, kept for 10 min/
  def afterFirst = kept()
  assert afterFirst.size() == 2 : "two kept containers after the first build: ${afterFirst}"
  assert NestedBuild.containers().isEmpty() : "containers of a run left: ${NestedBuild.containers()}"
  assert leases().isEmpty() : "leases left after the first build: ${leases()}"
  // what a build may leave on the servers themselves, outside the segments' own data: the next lease throws it away
  def keptOf = { String fixture -> NestedBuild.run(["docker", "ps", "-q", "--filter", OURS, "--filter",
      "label=io.segmented.kept-fixture=" + fixture]).trim() }
  NestedBuild.run(["docker", "exec", keptOf("shop-db"), "sh", "-c",
      'PGPASSWORD="$POSTGRES_PASSWORD" psql -h 127.0.0.1 -U shop -d shop -c "create table left_behind (x int)"'])
  NestedBuild.run(["docker", "exec", keptOf("cache"), "redis-cli", "SET", "left", "behind"])

  // 2. The plan says the run would lease them; the second build does, for both segments, and starts no container.
  def plan = NestedBuild.start(basedir, localRepositoryPath.toString(), "plan", ["segment:plan"] + keep)
  assert plan.awaitExit(Duration.ofMinutes(2)) == 0 : plan.tail()
  assert plan.log.text =~ /shop-db \(postgres, container\) [^,]*, reuse run, shared by the run, kept: would lease one started ${AGE} ago/ : plan.tail()
  assert plan.log.text =~ /cache \(redis, container\) [^,]*, reuse run, shared by the run, kept: would lease one started ${AGE} ago/ : plan.tail()
  def second = build("second", keep, ["orders", "reports"])
  for (s in ["orders", "reports"]) {
    assert second =~ /\[${s}\] fixture shop-db \(postgres, [^)]*\) kept, ${AGE} old, ready in (?:\d+ ms|\d+\.\d s)/
    assert second =~ /\[${s}\] fixture cache \(redis, [^)]*\) kept, ${AGE} old, ready in (?:\d+ ms|\d+\.\d s)/
  }
  assert kept() == afterFirst : "the second build started containers: ${kept() - afterFirst}"
  def results = new groovy.json.JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
  results.segments.each { s ->
    assert s.fixtures.every { it.reuse == "run" && it.kept.startsWith("kept, ") } : s.fixtures
  }
  assert leases().isEmpty() : "leases left after the second build: ${leases()}"

  // 3. A run of one segment: the servers are that segment's own there, kept fixtures of another key, so it starts
  // and keeps its own and says why the shared ones did not fit; the shared ones stay for the next full run.
  def one = build("one-segment", keep + ["-Dsegment=orders"], ["orders"])
  for (f in ["shop-db \\(postgres", "cache \\(redis"]) {
    assert one =~ /\[orders\] fixture ${f}, [^)]*\) started in [0-9.]+ s, kept for 10 min \(a kept one did not fit: whether the run shares it between segments changed\)/
  }
  assert kept().containsAll(afterFirst) && kept().size() == 4 : "kept after a run of one segment: ${kept()}"
  def again = build("full-again", keep, ["orders", "reports"])
  assert (again =~ /fixture (?:shop-db|cache) \([a-z]+, [^)]*\) kept, ${AGE} old/).size() == 4 : again

  // 4. A build killed (SIGKILL) while its first segment holds the lease on the shared servers, after that segment
  // wrote a row into its own database and a key into its Redis database: the next build leases the same servers,
  // and each of its segments sees only the seeds (Rows fails on the killed build's row or key).
  def marker = new File(basedir, "target/written")
  def block = new File(basedir, "target/block-after-write")
  marker.delete()
  block.text = ""
  def killed = NestedBuild.start(basedir, localRepositoryPath.toString(), "killed", ["segment:run"] + keep)
  def running = killed.awaitMarker(marker, Duration.ofMinutes(4))
  block.delete()
  assert !leases().isEmpty() : "the build to kill holds no lease"
  killed.signal("KILL")
  assert killed.awaitExit(Duration.ofSeconds(30)) == 137
  // the build ran in the engine JVM the build before kept (-Dsegment.keep), which holds the lease: it sees Maven
  // gone, stops the run as a forked engine JVM does, and exits (its hooks may give the lease back first)
  def engine = killed.log.text =~ /The engine's JVM kept by an earlier build \(pid (\d+), /
  assert engine.find() : "the build to kill did not run in a kept engine JVM${killed.tail()}"
  long enginePid = engine.group(1) as long
  NestedBuild.await("the kept engine JVM to stop the killed build's run and exit", Duration.ofSeconds(60)) {
    !NestedBuild.alive(enginePid)
  }
  NestedBuild.killIfAlive(running.getProperty("test.jvm.pid", "0") as long, basedir)
  NestedBuild.await("the killed build's test JVM to end", Duration.ofSeconds(60)) { NestedBuild.testJvms(basedir).isEmpty() }
  def afterKill = build("after-kill", keep, ["orders", "reports"])
  assert (afterKill =~ /fixture (?:shop-db|cache) \([a-z]+, [^)]*\) kept, ${AGE} old/).size() == 4 :
      "the build after the killed one did not lease the shared servers for both segments${afterKill}"
  assert kept().containsAll(afterFirst) && kept().size() == 4 : "kept after the build that followed the killed one: ${kept()}"
  assert leases().isEmpty() : "leases left after the build that followed the killed one: ${leases()}"
} finally {
  // 5. segment:down removes every kept fixture of the project, its leases and its records.
  def down = NestedBuild.start(basedir, localRepositoryPath.toString(), "down", ["segment:down"])
  assert down.awaitExit(Duration.ofMinutes(2)) == 0 : down.tail()
  assert down.log.text =~ /Removed \d+ kept fixture\(s\) of kept-shared/
}
assert kept().isEmpty() : "kept containers after segment:down: ${kept()}"
assert leases().isEmpty()
assert keptRecords().isEmpty() : "kept records after segment:down: ${keptRecords()}"
NestedBuild.assertNothingLeft(basedir, "after segment:down")
