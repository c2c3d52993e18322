import groovy.json.JsonSlurper

def all = ["alpha", "beta", "gamma", "delta", "epsilon"]
// every segment ran exactly once over the three shards (and shard 1's two again in the fifth invocation); then two ordered runs of all five
def ran = new File(basedir, "target/ran.txt").readLines()
assert ran.take(5).sort() == all.clone().sort() : "ran: " + ran
assert ran.drop(5).take(2).sort() == ["alpha", "epsilon"] : "ran: " + ran
def shards = (1..3).collect { new JsonSlurper().parse(new File(basedir, "target/shard-${it}/segment-results.json")) }
for (id in all) {
  def ranIn = shards.findAll { r -> r.segments.find { it.id == id }.outcome != "SKIPPED" }
  assert ranIn.size() == 1 : "${id} ran in ${ranIn.size()} shards"
}
// by id without history: sorted ids dealt out in turn
assert shards[0].segments.findAll { it.outcome != "SKIPPED" }*.id.sort() == ["alpha", "epsilon"]
def skipped = shards[0].segments.find { it.id == "beta" }
assert skipped.outcome == "SKIPPED" && skipped.message == "in another shard than -Dsegment.shard=1/3"

// one merged report of all five
def merged = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
assert merged.segments*.id == ["alpha", "beta", "gamma", "delta", "epsilon"]
assert merged.segments.every { it.outcome == "PASSED" }
assert merged.totals.tests == 5
for (id in all) {
  assert new File(basedir, "target/segment-reports/TEST-${id}.it.shard.WorkIT.xml").isFile()
  assert new File(basedir, "target/segment-reports/logs/${id}/test-jvm.log").isFile()
}
def html = new File(basedir, "target/segment-reports/index.html").text
assert all.every { html.contains("id=\"segment-${it}\"") }
// each segment's recent runs come along from its shard's history
assert merged.trends.alpha.runs == 1

def log = new File(basedir, "build.log").text
// a build refused for a bad option leaves no stack trace of the Docker warm-up behind it
assert !log.contains("Exception in thread") : "a background thread failed"
assert log.contains("Merged 3 reports directories: 5 segment(s), 0 failed")
assert log.contains("segment 'alpha' ran in both ")
assert log.contains("-Dsegment.shard=4/3: write <i>/<n> with 1 <= i <= n, such as 2/3 for the second of three CI jobs")

// segment:plan shares out as the run does
assert log =~ /- beta \(app \u2194 beta\) left out: in another shard than -Dsegment.shard=1\/3/
assert log =~ /\u2714 alpha \(app \u2194 alpha\) selected/

// run order: epsilon failed last time, gamma is new, then longest first; results keep the manifest's order
assert ran.drop(7).take(5) == ["epsilon", "gamma", "beta", "delta", "alpha"] : "ran: " + ran
assert log.contains("Starting them failed last time first, then longest first (segment history): epsilon, gamma, beta, delta, alpha")
assert log.contains("Order: epsilon, gamma, beta, delta, alpha (failed last time first, then longest first (segment history)), 2 at a time")
def ordered = new JsonSlurper().parse(new File(basedir, "target/ordered/segment-results.json"))
assert ordered.segments*.id == all
assert ran.drop(12) == all : "ran: " + ran
assert log.contains("-Dsegment.runOrder=random is not a run order. Use one of history, failedfirst, balanced, manifest")
