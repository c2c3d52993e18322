import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 2
// the first run's lines (the second, below, runs the same segments)
log = builds[0]
for (s in ["left", "right"]) {
  assert log =~ /\[${s}\] fixture db \(postgres, [^,]+, shared by the run\) ready with the segment's own data in /
  assert log =~ /\[${s}\] fixture probe \(container, [^)]+\) started in /
  assert log.contains("\u2714 ${s} (app \u2194 shared-stores) PASSED: 1/1 tests passed")
}

def reports = new File(basedir, "target/segment-reports")
def results = new JsonSlurper().parse(new File(reports, "segment-results.json"))
// the shared servers stopped when their last segment ended, while 'late' still ran
assert log.contains("\u2714 late (app \u2194 nothing-shared) PASSED: 1/1 tests passed")
for (segment in results.segments.findAll { it.id != "late" }) {
  def byId = segment.fixtures.collectEntries { [it.id, it] }
  assert ["db", "legacy", "cache"].every { byId[it].reuse == "run" && byId[it].log == "logs/_run/${it}.log" }
  assert byId.probe.reuse == "segment"
  // each segment's own database is a clone of one seeded template: the seeds ran once, not in the segment;
  // on MariaDB, which cannot clone, a copy of the template's tables and rows
  assert byId.db.seedMillis == 0
  assert byId.legacy.seedMillis == 0
}
// One PostgreSQL for both: both segments' tests reached it on the same host port
def sync = new File(basedir, "target/sync")
assert new File(sync, "left.port").text == new File(sync, "right.port").text
// Its log is the run's, written once
assert new File(reports, "logs/_run/db.log").length() > 0
assert !new File(reports, "logs/left/db.log").exists()

// The shared PostgreSQL has no seeds of its own (each segment's database is a clone of a template seeded on it): it
// starts from a snapshot of a server with that template seeded, with no initdb and no seeds; the first run made it
// beside itself, unless the engine had it already
assert builds[1].contains("\u2714 left (app \u2194 shared-stores) PASSED: 1/1 tests passed")
def dbLog = { dir -> new File(basedir, "target/" + dir + "/logs/_run/db.log").readLines() }
def first = dbLog("segment-reports")[0]
def snapshot = (first =~ /^\[segment-maven-plugin\] .*the snapshot (segmented-snapshot\/postgres:\w+)(?: of \S+)? with the seeded templates \[(app_seeded_\w+)\]/)
assert snapshot.find() : first
def second = dbLog("r2")[0]
// and with each segment's database cloned from it when the snapshot was made: the segments take theirs, no clone
assert second ==~ /\[segment-maven-plugin\] started from the snapshot \Q${snapshot.group(1)}\E of \S+ with the seeded templates \[\Q${snapshot.group(2)}\E\] and the databases \[app_left, app_right\] cloned from them for its segments: no initdb, no seeds, no clone for a segment's first use/ : second
// the second run's segments cloned the template the snapshot holds: seeded when the snapshot was made, not in the run
for (s in ["left", "right"]) {
  assert new File(sync, s + ".template").text == "io.segmented: seeded in a snapshot"
  // and took the database the snapshot holds made for it (its files older than the server), no clone of the run's
  assert new File(sync, s + ".made-in-snapshot").text == "true"
}
def r2 = new JsonSlurper().parse(new File(basedir, "target/r2/segment-results.json"))
assert r2.segments.every { it.outcome == "PASSED" }

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
def networks = ["docker", "network", "ls", "-q", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert networks.isEmpty() : "networks left behind: " + networks
