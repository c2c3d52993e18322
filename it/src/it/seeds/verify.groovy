import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log.contains("\u2714 catalogue (shop \u2194 shop-db) PASSED: 1/1 tests passed")
def broken = new File(basedir, "src/it/sql/broken.sql").canonicalPath
assert log.contains("segment 'broken': seed " + broken + ":3: ERROR: relation \"ok_tabel\" does not exist")

def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
assert results.segments*.outcome == ["PASSED", "FIXTURE_ERROR"]
// the seed time of the fixture, and of the segment's data preparation
assert results.segments[0].fixtures[0].seedMillis > 0
assert results.segments[0].dataMillis >= results.segments[0].fixtures[0].seedMillis
def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty()
