import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log.contains("\u2714 by-class (shop \u2194 shop-db) PASSED: 2/2 tests passed")
assert log.contains("\u2714 by-test (shop \u2194 stores) PASSED: 100/100 tests passed")
assert log.contains("segment 'reset-fails': fixture 'web': its data could not be restored before class it.restore.NeverRunsIT: reset command [/bin/busybox, false] exited with 1")
assert log.contains("\u2714 maria-by-test (shop \u2194 legacy) PASSED: 20/20 tests passed")
assert log.contains("segment 'reset-hangs': fixture 'web': its data could not be restored before class it.restore.NeverRunsIT: reset command [/bin/busybox, sleep, 600] was still running after 2 s (it runs on in the container until the container stops). Make it end sooner, or give it longer with 'reset: {timeout: ...}'")
def brokenSeed = new File(basedir, "src/it/sql/maria-broken.sql").canonicalPath
assert log =~ /segment 'maria-broken-seed': seed ${java.util.regex.Pattern.quote(brokenSeed)}:3: .*no_such_table/

// identity and generated columns, partitions, a foreign-key cycle and enums, each scope, each server
["pg-shapes-class": "shop \u2194 shapes-pg", "pg-shapes-test": "shop \u2194 shapes-pg-each",
 "maria-shapes-class": "shop \u2194 shapes-maria", "maria-shapes-test": "shop \u2194 shapes-maria-each"].each { id, label ->
  assert log.contains("\u2714 ${id} (${label}) PASSED: 4/4 tests passed") : "${id} did not pass"
}

def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
def byId = results.segments.collectEntries { [it.id, it] }
def fixture = { s, id -> byId[s].fixtures.find { it.id == id } }
// one restore before each class, one before each test
assert fixture("by-class", "db").restores == 2
assert fixture("by-class", "cache").restores == 2
assert fixture("by-test", "db").restores == 100
assert fixture("by-test", "stubs").restores == 100
assert fixture("maria-by-test", "legacy").restores == 20
["pg-shapes": "shapes-pg", "maria-shapes": "shapes-maria"].each { prefix, id ->
  assert fixture("${prefix}-class", id).restores == 2 : "${prefix}-class: one restore before each of 2 classes"
  assert fixture("${prefix}-test", id).restores == 4 : "${prefix}-test: one restore before each of 4 tests"
}
assert fixture("by-test", "db").restoreMaxMillis >= fixture("by-test", "db").restoreMeanMillis
println "restore of MariaDB before each test: mean ${fixture('maria-by-test', 'legacy').restoreMeanMillis} ms, max ${fixture('maria-by-test', 'legacy').restoreMaxMillis} ms"
println "restore of PostgreSQL before each test: mean ${fixture('by-test', 'db').restoreMeanMillis} ms, max ${fixture('by-test', 'db').restoreMaxMillis} ms"
assert byId["reset-fails"].outcome == "FIXTURE_ERROR"
assert byId["reset-hangs"].outcome == "FIXTURE_ERROR"
assert byId["reset-fails"].tests.every { it.outcome != "FAILED" }

def html = new File(basedir, "target/segment-reports/index.html").text
assert html.contains("100 restores")

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
