import groovy.json.JsonSlurper
import java.time.Instant

def log = new File(basedir, "build.log").text
assert log.contains("Running 4 segment(s), 2 at a time")
assert log.contains("Segments: 4, failed: 0; tests: 4, failures: 0")

def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
assert results.segments*.outcome == ["PASSED"] * 4
def spans = results.segments.collect {
  def start = Instant.parse(it.startedAt).toEpochMilli()
  [start, start + it.durationMillis]
}
// the most segments running at any start instant
def most = spans.collect { s -> spans.count { o -> o[0] <= s[0] && s[0] < o[1] } }.max()
assert most == 2 : "segments running at once: " + most + " " + spans

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty()

def selected = new JsonSlurper().parse(new File(basedir, "target/selected/segment-results.json"))
assert selected.segments*.outcome == ["SKIPPED", "PASSED", "PASSED", "SKIPPED"]
assert log.contains("- one (app \u2194 cache) SKIPPED: not selected by -Dsegment=t*")
assert log.contains("-Dsegment=fuor: fuor selects no segment. Segments: one, two, three, four")
assert !new File(basedir, "target/typo/segment-results.json").exists()
