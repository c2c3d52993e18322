import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, "build.log").text
// one part per invocation of invoker.properties, in order
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 4
def httpd = new XmlSlurper().parse(new File(basedir, "pom.xml")).properties."it.image.httpd".text()
def leftOutBeta = "not selected by -Dsegment.changedSince=HEAD: none of the 1 file(s) changed since HEAD matches" +
    " its covers, its entry in segments.yaml or those of its fixtures, or a file its fixtures, data or contract name"

// 1. The plan explains the selection, and needs no compiled classes.
def plan = builds[0]
assert plan.contains("Plan for segments.yaml: 1 of 3 segment(s) would run. Nothing is started")
assert plan.contains("Changed since HEAD: 1 file(s) in the module")
assert plan.contains("[INFO]   src/main/java/it/cs/alpha/Alpha.java")
assert plan.contains("\u2714 alpha (app \u2194 alpha) selected: src/main/java/it/cs/alpha/Alpha.java matches covers" +
    " 'src/main/java/it/cs/alpha/**'")
assert plan.contains("    fixtures: none")
assert plan.contains("- beta (app \u2194 beta) left out: " + leftOutBeta)
assert plan.contains("- web (app \u2194 web) left out: not selected by -Dsegment.changedSince=HEAD: none of the 1")
assert plan.contains("Order: alpha (manifest order), 1 at a time (segment.parallel)")
assert plan.contains("Images: none (no selected segment runs a fixture in a container)")
assert !plan.contains("maven-compiler-plugin")

// 2. The run runs exactly that segment; the others are SKIPPED with the reason.
def run = builds[1]
assert run.contains("Changed since HEAD: 1 file(s) in the module, which select 1 of 3 segment(s)")
assert run.contains("[INFO]   alpha: src/main/java/it/cs/alpha/Alpha.java matches covers 'src/main/java/it/cs/alpha/**'")
assert run.contains("\u2714 alpha (app \u2194 alpha) PASSED: 1/1 tests passed")
assert run.contains("- beta (app \u2194 beta) SKIPPED: " + leftOutBeta)
def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
assert results.segments*.id == ["alpha", "beta", "web"]
assert results.segments*.outcome == ["PASSED", "SKIPPED", "SKIPPED"]
assert results.segments[0].tests*.className == ["it.cs.alpha.AlphaIT"]
assert results.segments[1].message == leftOutBeta
assert results.segments[2].message.startsWith("not selected by -Dsegment.changedSince=HEAD: ")
assert results.segments[2].fixtures.isEmpty()

// The plan as JSON says the same, and the run ran exactly what it said would run.
def planJson = new JsonSlurper().parse(new File(basedir, "target/plan-reports/segment-plan.json"))
assert plan.contains("Plan written to ")
assert planJson.version == 1
assert planJson.changedSince == "HEAD"
assert planJson.order == ["alpha"]
assert planJson.segments*.id == ["alpha", "beta", "web"]
assert planJson.segments*.run == [true, false, false]
assert planJson.segments*.leftOutBy == [null, "change", "change"]
assert planJson.segments[1].reason == leftOutBeta
assert planJson.segments.findAll { it.run }*.id == results.segments.findAll { it.outcome != "SKIPPED" }*.id
assert planJson.segments.findAll { !it.run }*.reason == results.segments.findAll { it.outcome == "SKIPPED" }*.message

// 3. The plan of a segment with fixtures: start order, and images checked without starting anything.
def webPlan = builds[2]
assert webPlan.contains("\u2714 web (app \u2194 web) selected: matches -Dsegment=web")
assert webPlan.contains("    fixtures: web (container, container) " + httpd + ", reuse segment")
assert webPlan.contains("              later (container, container) segmented-it/not-built:0, reuse segment")
assert webPlan.contains("    start:    web, then later")
assert webPlan.contains("Images: 2, checked on the Docker engine")
assert webPlan.contains("  " + httpd + " (web): present")
assert webPlan.contains("  segmented-it/not-built:0 (later): not present, the run pulls it first")
def webJson = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-plan.json"))
assert webJson.segments.find { it.id == "web" }.fixtures*.id == ["web", "later"]
assert webJson.segments.find { it.id == "web" }.startWaves == [["web"], ["later"]]
assert webJson.segments.find { it.id == "alpha" }.leftOutBy == "pattern"
assert webJson.images*.name == [httpd, "segmented-it/not-built:0"]
assert webJson.images*.present == [true, false]

// 4. A ref that does not exist says what to use.
assert builds[3].contains("-Dsegment.changedSince=no-such-ref: no such git ref in ")
assert builds[3].contains(". Use a branch, tag or commit such as origin/main or HEAD~1; in a CI checkout, fetch the" +
    " branch first (git fetch origin main)")

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
