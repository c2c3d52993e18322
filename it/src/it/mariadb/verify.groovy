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
// template the kept server holds; LegacyIT sees the seeds' invoices and the template's, not the one the first build's
// test added.
def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))
def seen = new File(basedir, "target/invoices-seen")
def build = { String name ->
  seen.delete()
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

  assert seen.text == "[1, 2]"
  // on the kept server: the seeds' template, and the empty database that notes it seeded to the end
  def sql = { String statement ->
    NestedBuild.run(["docker", "exec", kept.first(), "mariadb", "--protocol=TCP", "-h127.0.0.1", "-uroot", "-ps3cret",
                     "-N", "-e", statement]).readLines()*.trim()
  }
  def databases = sql("SHOW DATABASES")
  def template = databases.find { it ==~ /legacy_kept_[0-9a-f]{10}/ }
  assert template : "no seeds' template on the kept server: ${databases}"
  assert databases.contains(template + "_seeded") : "the template is not noted seeded: ${databases}"
  // what the seeds do not make: the next lease has it only if it copies the template rather than seeding again
  sql("INSERT INTO `${template}`.invoices VALUES (7, 0)")

  def second = build("kept-second")
  assert second =~ /\[legacy\] fixture legacy-db \(mariadb, [^)]*\) kept, \d+ s old, ready in /
  assert NestedBuild.kept(basedir) == kept : "the second build started a container"
  assert seen.text == "[1, 2, 7]" : "the lease did not copy the template"
} finally {
  def down = NestedBuild.start(basedir, localRepositoryPath.toString(), "down", ["segment:down"])
  assert down.awaitExit(Duration.ofMinutes(2)) == 0 : down.tail()
}
assert NestedBuild.kept(basedir).isEmpty() : "kept containers after segment:down: ${NestedBuild.kept(basedir)}"
NestedBuild.assertNothingLeft(basedir, "after segment:down")
