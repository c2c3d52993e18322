import java.time.Duration

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))

def kept = { -> NestedBuild.kept(basedir) }
def keptRecords = { -> NestedBuild.keptRecords(basedir) }
def leases = { -> NestedBuild.keptLeases(basedir) }
def build = { String name, List<String> args ->
  def b = NestedBuild.start(basedir, localRepositoryPath.toString(), name, ["segment:run"] + args)
  int code = b.awaitExit(Duration.ofMinutes(4))
  def log = b.log.text
  println b.tail(8)
  assert code == 0 : "${name} failed with code ${code}${b.tail()}"
  assert log.contains("\u2714 catalogue (shop \u2194 shop-db) PASSED: 1/1 tests passed") : "${name}: catalogue did not pass${b.tail()}"
  return log
}
def keep = "-Dsegment.keep=10m"
// the engine's JVM a build keeps for the module's next ones (-Dsegment.keep): its pid, from the build's log
def staying = { String log ->
  def m = log =~ /The engine's JVM \(pid (\d+)\) stays for this module's next build, for 10 min idle/
  assert m.find() : "the build's engine JVM did not stay"
  return m.group(1) as long
}
def engineGone = { long pid, String why ->
  NestedBuild.await("the kept engine JVM (pid ${pid}) to exit: ${why}", Duration.ofSeconds(60)) { !NestedBuild.alive(pid) }
}

try {
  // 1. The first build starts the fixtures and keeps them.
  def first = build("first", [keep])
  assert first =~ /\[catalogue\] fixture shop-db \(postgres, [^)]*\) started in [0-9.]+ s, kept for 10 min/
  assert first =~ /\[catalogue\] fixture cache \(redis, [^)]*\) started in [0-9.]+ s, kept for 10 min/
  def dbLog = new File(basedir, "target/segment-reports/logs/catalogue/shop-db.log")
  assert dbLog.text.contains("database system is ready to accept connections") : "the first build's log: ${dbLog.text}"
  def afterFirst = kept()
  assert afterFirst.size() == 2 : "two kept containers after the first build: ${afterFirst}"
  assert NestedBuild.containers().isEmpty() : "containers of a run left: ${NestedBuild.containers()}"
  assert leases().isEmpty() : "leases left after the first build: ${leases()}"
  long engine = staying(first)

  // 2. The second leases them: no container started; its test sees none of the first build's rows or keys.
  def plan = NestedBuild.start(basedir, localRepositoryPath.toString(), "plan", ["segment:plan", keep])
  assert plan.awaitExit(Duration.ofMinutes(2)) == 0 : plan.tail()
  assert plan.log.text =~ /shop-db \(postgres, container\) .*kept: would lease one started \d+ s ago/ : plan.tail()
  def second = build("second", [keep])
  assert second =~ /\[catalogue\] fixture shop-db \(postgres, [^)]*\) kept, \d+ s old, ready in (?:\d+ ms|\d+\.\d s)/
  assert second =~ /\[catalogue\] fixture cache \(redis, [^)]*\) kept, \d+ s old, ready in (?:\d+ ms|\d+\.\d s)/
  assert kept() == afterFirst : "the second build started containers: ${kept() - afterFirst}"
  // the second build ran in the first one's engine JVM, which stays again
  assert second =~ /The engine's JVM kept by an earlier build \(pid ${engine}, [^)]+ old\) runs this one/
  assert staying(second) == engine
  def results = new groovy.json.JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
  assert results.segments[0].fixtures*.kept.every { it.startsWith("kept, ") } : results.segments[0].fixtures
  // a leased fixture's log is its output during this lease, not the first build's start over again
  assert dbLog.text.contains("a kept fixture, leased running: its output from this lease on") : dbLog.text
  assert !dbLog.text.contains("database system is ready to accept connections") : dbLog.text

  // 2b. A build that fails to compile after its head start leased the kept fixtures in the kept engine JVM: that JVM
  // stops what the head start began (the lease given back, the test JVM started ahead stopped) and stays.
  def broken = new File(basedir, "src/test/java/it/kept/Broken.java")
  broken.text = "class Broken { not java }\n"
  def failed = NestedBuild.start(basedir, localRepositoryPath.toString(), "compile-error", ["segment:run", keep])
  int failedCode = failed.awaitExit(Duration.ofMinutes(2))
  broken.delete()
  assert failedCode != 0 : "the build with a compile error passed${failed.tail()}"
  assert failed.log.text =~ /The engine's JVM kept by an earlier build \(pid ${engine}, / : failed.tail()
  assert failed.log.text.contains("COMPILATION ERROR") : failed.tail()
  assert NestedBuild.alive(engine) : "the kept engine JVM exited with the build that did not compile"
  assert leases().isEmpty() : "leases left by the build that did not compile: ${leases()}"
  assert NestedBuild.containers().isEmpty() : "containers of a run left: ${NestedBuild.containers()}"
  def aheadJvms = NestedBuild.testJvms(basedir).findAll { !it.startsWith("${engine} ") }
  assert aheadJvms.isEmpty() : "test JVMs the dropped head start left: ${aheadJvms}"

  // 3. Two builds at once: each sees only the seeds (RowsIT fails otherwise); one leases, the other starts its own.
  // The first holds its test (target/hold) until the second found the kept engine JVM busy with it.
  def marker = new File(basedir, "target/written")
  marker.delete()
  def hold = new File(basedir, "target/hold")
  hold.text = ""
  def c = NestedBuild.start(basedir, localRepositoryPath.toString(), "concurrent-1", ["segment:run", keep])
  c.awaitMarker(marker, Duration.ofMinutes(4))
  def d = NestedBuild.start(basedir, localRepositoryPath.toString(), "concurrent-2",
      ["-Dbuild.dir=" + new File(basedir, "target-twin").path, "test-compile", "segment:run", keep])
  NestedBuild.await("the second build to find the kept engine JVM busy, or to end", Duration.ofMinutes(4)) {
    d.log.text.contains("runs another build now") || d.log.text.contains("BUILD ")
  }
  hold.delete()
  [c, d].each { b ->
    int code = b.awaitExit(Duration.ofMinutes(4))
    assert code == 0 : "${b.name} failed with code ${code}${b.tail()}"
  }
  def both = c.log.text + d.log.text
  assert (both =~ /fixture shop-db \(postgres, [^)]*\) kept, /).size() >= 1 : "neither concurrent build leased"
  assert kept().containsAll(afterFirst)
  // one build at a time in the kept engine JVM: the other forked its own, which did not stay in its place
  assert c.log.text =~ /The engine's JVM kept by an earlier build \(pid ${engine}, /
  assert d.log.text.contains("The engine's JVM kept by an earlier build runs another build now: this one forks its own")
  assert !d.log.text.contains("The engine's JVM (pid ") : "the second build's engine JVM stayed in the kept one's place"
  assert NestedBuild.alive(engine)

  // 4. A build killed (SIGKILL) holding its lease, after writing rows: the next build takes that lease over (it is
  // the only kept set, segment:down having removed the others) and gets fresh data on it.
  def clean = NestedBuild.start(basedir, localRepositoryPath.toString(), "down-before-kill", ["segment:down"])
  assert clean.awaitExit(Duration.ofMinutes(2)) == 0 : clean.tail()
  assert kept().isEmpty()
  long beforeKill = staying(build("before-kill", [keep]))
  marker.delete()
  new File(basedir, "target/block-after-write").text = ""
  def killed = NestedBuild.start(basedir, localRepositoryPath.toString(), "killed", ["segment:run", keep])
  def running = killed.awaitMarker(marker, Duration.ofMinutes(4))
  new File(basedir, "target/block-after-write").delete()
  // The lease is held by the kept engine JVM that runs the build: it is killed too, with SIGKILL, so that no hook of
  // its gives the lease back (as when every process of a CI job is killed). Maven is stopped first, so that it does
  // not end by itself when its engine goes. (Maven alone killed: the kept-shared case.)
  assert killed.log.text =~ /The engine's JVM kept by an earlier build \(pid ${beforeKill}, /
  assert !leases().isEmpty() : "the build to kill holds no lease"
  killed.signal("STOP")
  ProcessHandle.of(beforeKill).ifPresent { it.destroyForcibly() } // SIGKILL
  engineGone(beforeKill, "killed")
  killed.signal("KILL")
  assert killed.awaitExit(Duration.ofSeconds(30)) == 137
  assert !leases().isEmpty() : "the killed build held no lease"
  NestedBuild.killIfAlive(running.getProperty("test.jvm.pid", "0") as long, basedir)
  NestedBuild.await("the killed build's test JVM to end", Duration.ofSeconds(60)) { NestedBuild.testJvms(basedir).isEmpty() }
  def afterKill = build("after-kill", [keep])
  assert afterKill =~ /fixture shop-db \(postgres, [^)]*\) kept, / : "the build after the killed one leased nothing"
  assert afterKill =~ /fixture cache \(redis, [^)]*\) kept, / : "the build after the killed one leased no Redis"
  assert leases().isEmpty() : "leases left after the build that followed the killed one: ${leases()}"

  // 5. A changed seed: a kept database of the old seeds is not leased, and the log says why.
  new File(basedir, "src/it/sql/data.sql") << "INSERT INTO products VALUES ('mug-2', 'seed');\n"
  // with a passed system property the engine JVM would be forked otherwise: the kept one exits, a fresh one stays
  long afterKillEngine = staying(afterKill)
  def changed = build("changed-seed", [keep, "-Dtestcontainers.kept.engine.check=1"])
  assert changed =~ /The engine's JVM kept by an earlier build was forked otherwise .*: it exits, and this build forks its own/
  engineGone(afterKillEngine, "a build that would fork it otherwise came")
  long changedEngine = staying(changed)
  assert changed =~ /fixture shop-db \(postgres, [^)]*\) started in [0-9.]+ s, kept for 10 min \(a kept one did not fit: the seeds changed\)/
  assert changed =~ /fixture cache \(redis, [^)]*\) kept, /

  // 6. Expiry without another build: the two fixtures a build keeps for 2 s are removed by the watcher.
  def before = kept()
  def shortBuild = build("short", ["-Dsegment.keep=2s", "-Dtestcontainers.kept.engine.check=1"])
  NestedBuild.await("the watcher to remove the two kept fixtures whose time ran out", Duration.ofSeconds(90)) {
    kept().size() == before.size() - 2
  }
  // the engine JVM stays as long as that build's fixtures, and exits when its time is up
  assert shortBuild =~ /The engine's JVM kept by an earlier build \(pid ${changedEngine}, /
  assert shortBuild =~ /The engine's JVM \(pid ${changedEngine}\) stays for this module's next build, for 2 s idle/
  engineGone(changedEngine, "its 2 s were up")
  // -Dsegment.keepEngine=false keeps the fixtures alone: the engine's JVM is forked, and exits with the build
  def notKept = build("engine-not-kept", [keep, "-Dsegment.keepEngine=false"])
  assert notKept =~ /fixture shop-db \(postgres, [^)]*\) (?:kept, |started in [0-9.]+ s, kept for 10 min)/
  assert !notKept.contains("The engine's JVM") : "-Dsegment.keepEngine=false kept or looked for a kept engine JVM"
  assert NestedBuild.testJvms(basedir).isEmpty() : "JVMs left by a build that keeps no engine JVM: ${NestedBuild.testJvms(basedir)}"

  // 7. A build killed holding the first lease of fixtures it started, with no build after it: the watcher removes
  // them once their keep time is up, counted from when they were ready (not the 10 min start grace).
  def cleared = NestedBuild.start(basedir, localRepositoryPath.toString(), "down-before-lone-kill", ["segment:down"])
  assert cleared.awaitExit(Duration.ofMinutes(2)) == 0 : cleared.tail()
  assert kept().isEmpty()
  marker.delete()
  new File(basedir, "target/block-after-write").text = ""
  def lone = NestedBuild.start(basedir, localRepositoryPath.toString(), "lone-killed", ["segment:run", "-Dsegment.keep=2s"])
  def loneRunning = lone.awaitMarker(marker, Duration.ofMinutes(4))
  assert leases().size() == 2 : "the build to kill holds no lease on two kept fixtures: ${leases()}"
  new File(basedir, "target/block-after-write").delete()
  lone.signal("KILL")
  assert lone.awaitExit(Duration.ofSeconds(30)) == 137
  NestedBuild.killIfAlive(loneRunning.getProperty("test.jvm.pid", "0") as long, basedir)
  NestedBuild.await("the killed build's test JVM to end", Duration.ofSeconds(60)) { NestedBuild.testJvms(basedir).isEmpty() }
  NestedBuild.await("the watcher to remove the fixtures of the build killed holding their first lease", Duration.ofSeconds(120)) {
    kept().isEmpty()
  }
  // what else the killed run left (its run's lease) segment:down removes below, as the next run's start would
} finally {
  new File(basedir, "target/hold").delete()
  // 8. segment:down removes every kept fixture of the project, its leases and its records.
  def down = NestedBuild.start(basedir, localRepositoryPath.toString(), "down", ["segment:down"])
  assert down.awaitExit(Duration.ofMinutes(2)) == 0 : down.tail()
  assert down.log.text =~ /Removed \d+ kept fixture\(s\) of kept-fixtures/
}
assert kept().isEmpty() : "kept containers after segment:down: ${kept()}"
assert leases().isEmpty()
assert keptRecords().isEmpty() : "kept records after segment:down: ${keptRecords()}"
NestedBuild.assertNothingLeft(basedir, "after segment:down")
