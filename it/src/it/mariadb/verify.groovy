import java.time.Duration

def log = new File(basedir, "build.log").text
assert log =~ /\[legacy\] fixture legacy-db \(mariadb, [^)]+\) started in /
assert log.contains("\u2714 legacy (billing \u2194 legacy-db) PASSED: 1/1 tests passed")
def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty()
// this image declares no volume for its datadir: it stays on the container's disk
assert new File(basedir, "target/segment-reports/logs/legacy/legacy-db.log").readLines()[0] ==
    "[segment-maven-plugin] data directory /var/lib/mysql on the container's disk (the image declares no volume for it)"

// Kept (-Dsegment.keep): the second build leases the first one's MariaDB, whose database is a copy of the seeds'
// template the kept server holds; LegacyIT sees the seeds' two invoices, not the one the first build's test added.
def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))
def build = { String name ->
  def b = NestedBuild.start(basedir, localRepositoryPath.toString(), name, ["segment:run", "-Dsegment.keep=10m"])
  int code = b.awaitExit(Duration.ofMinutes(4))
  assert code == 0 : "${name} failed with code ${code}${b.tail()}"
  assert b.log.text.contains("\u2714 legacy (billing \u2194 legacy-db) PASSED: 1/1 tests passed") : b.tail()
  return b.log.text
}
try {
  def first = build("kept-first")
  assert first =~ /\[legacy\] fixture legacy-db \(mariadb, [^)]*\) started in [0-9.]+ s, kept for 10 min/
  def kept = NestedBuild.kept(basedir)
  assert kept.size() == 1 : "one kept container after the first build: ${kept}"

  def second = build("kept-second")
  assert second =~ /\[legacy\] fixture legacy-db \(mariadb, [^)]*\) kept, \d+ s old, ready in /
  assert NestedBuild.kept(basedir) == kept : "the second build started a container"
  // the template, and the empty database that notes it seeded to the end, on the kept server
  def databases = NestedBuild.run(["docker", "exec", kept.first(), "mariadb", "--protocol=TCP", "-h127.0.0.1", "-uroot", "-ps3cret", "-N", "-e",
                                   "SHOW DATABASES"]).readLines()*.trim()
  assert databases.any { it ==~ /legacy_kept_[0-9a-f]{10}/ } : "no seeds' template on the kept server: ${databases}"
  assert databases.any { it ==~ /legacy_kept_[0-9a-f]{10}_seeded/ } : "the template is not noted seeded: ${databases}"
} finally {
  def down = NestedBuild.start(basedir, localRepositoryPath.toString(), "down", ["segment:down"])
  assert down.awaitExit(Duration.ofMinutes(2)) == 0 : down.tail()
}
assert NestedBuild.kept(basedir).isEmpty() : "kept containers after segment:down: ${NestedBuild.kept(basedir)}"
NestedBuild.assertNothingLeft(basedir, "after segment:down")
