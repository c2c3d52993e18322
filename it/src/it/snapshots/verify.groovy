import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 7
def results = { n -> new JsonSlurper().parse(new File(basedir, "target/r" + n + "/segment-results.json")) }
def fixtureLog = { n -> new File(basedir, "target/r" + n + "/logs/catalogue/shop-db.log").text }
def noSnapshotYet = ~/no seeded snapshot segmented-snapshot\/postgres:(\w+) yet: this segment seeds its database, and the snapshot is made beside it/
def fromSnapshot = ~/started from the seeded snapshot segmented-snapshot\/postgres:(\w+) of \S+ and the seeds \[schema.sql, (\S+)\]: no initdb, no seeds/

// 1. the cache starts empty
assert builds[0].contains("Removed ")

// 2. no snapshot: the segment seeds, and the snapshot is made beside it
def r2 = results(2)
assert r2.segments[0].outcome == "PASSED"
assert r2.segments[0].fixtures[0].seedMillis > 0
def made = (fixtureLog(2) =~ noSnapshotYet)
assert made.find()
def key = made.group(1)

// 3 and 4. from the snapshot: no seeds, the seeded state, each run's own rows gone
[3, 4].each { n ->
  def r = results(n)
  assert r.segments[0].outcome == "PASSED" : "run " + n + " saw rows of an earlier run"
  assert r.segments[0].fixtures[0].seedMillis == 0
  assert r.segments[0].fixtures[0].image == "segmented-snapshot/postgres:" + key
  def m = (fixtureLog(n) =~ fromSnapshot)
  assert m.find()
  assert m.group(1) == key
  assert m.group(2) == "data.sql"
}

// 5. other seed bytes: another key, seeded anew, its own snapshot made
def r5 = results(5)
assert r5.segments[0].outcome == "PASSED"
assert r5.segments[0].fixtures[0].seedMillis > 0
def other = (fixtureLog(5) =~ noSnapshotYet)
assert other.find()
assert other.group(1) != key

// 6. snapshots off: seeds as before, and nothing said of snapshots
def r6 = results(6)
assert r6.segments[0].outcome == "PASSED"
assert r6.segments[0].fixtures[0].seedMillis > 0
assert !fixtureLog(6).contains("snapshot")

// 7. prune removes both
assert builds[6].contains("Removed 2 snapshot(s) (seeded databases, WireMock class data) from the Docker engine")
def images = ["docker", "images", "-q", "segmented-snapshot/postgres"].execute().text.trim()
assert images.isEmpty() : "snapshots left: " + images

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind (a snapshot's builder?): " + leftovers
