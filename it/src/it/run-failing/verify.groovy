import groovy.xml.XmlSlurper
import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
// twice: the run in the engine's JVM (the default), and the same run in Maven's (-Dsegment.fork=false, the third
// invocation)
def count = { String text -> log.split(java.util.regex.Pattern.quote(text), -1).length - 1 }
assert count("\u2718 orders-db (orders \u2194 orders-db) FAILED: 1/2 tests passed") == 2
assert count("[ERROR] [orders-db] \u2718 it.orders.OrderTotalsIT.totalIncludesTax FAILED: total with tax") == 2
assert count("[ERROR] Failed to execute goal io.segmented:segment-maven-plugin:") == 2
// the verdict's lines, relayed from the engine's JVM as Maven's failure, line breaks and all
assert count("[ERROR]   segment 'orders-db' (orders \u2194 orders-db): FAILED") == 2
// the engine's JVM listed its classes, and its class-data archive was dumped at the end
assert new File(basedir, "target/segment-work/engine/class-data").listFiles().any { it.name.endsWith(".jsa") }
assert log.contains("\u2718 orders-db (orders \u2194 orders-db) FAILED: 1/2 tests passed")
assert log.contains("1 of 1 segment(s) failed:")
assert log.contains("segment 'orders-db' (orders \u2194 orders-db): FAILED")
assert log.contains("it.orders.OrderTotalsIT.totalIncludesTax: total with tax ==> expected: <119> but was: <100>")
assert log.contains("BUILD FAILURE")
// the failure is told the moment the test JVM tells it, before the segment's verdict, and is not in the JVM's log
def told = "[ERROR] [orders-db] \u2718 it.orders.OrderTotalsIT.totalIncludesTax FAILED: total with tax ==> expected: <119> but was: <100>"
assert log.contains(told)
assert log.indexOf(told) < log.indexOf("\u2718 orders-db (orders \u2194 orders-db) FAILED")
assert !new File(basedir, "target/segment-reports/logs/orders-db/test-jvm.log").text.contains(":segment-launcher-event:")

def reports = new File(basedir, "target/segment-reports")
def results = new JsonSlurper().parse(new File(reports, "segment-results.json"))

// With snapshots off, the image declares PGDATA a volume, as the official one does: the data directory is on a tmpfs,
// so no anonymous volume is made on disk for the container.
assert new File(reports, "logs/orders-db/orders-db.log").readLines()[0] ==
    "[segment-maven-plugin] data directory /var/lib/postgresql/data on a tmpfs at /var/lib/postgresql/data (a volume of the image)"
assert results.segments[0].outcome == "FAILED"
def failed = results.segments[0].tests.find { it.name == "totalIncludesTax" }
assert failed.outcome == "FAILED"
assert failed.type == "org.opentest4j.AssertionFailedError"
assert failed.stackTrace.contains("OrderTotalsIT.java")

def xml = new XmlSlurper().parse(new File(reports, "TEST-orders-db.it.orders.OrderTotalsIT.xml"))
assert xml.@failures == "1"
assert xml.testcase.find { it.@name == "totalIncludesTax" }.failure.@message.text().contains("expected: <119>")

// Nothing the run started may be left behind.
def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
def networks = ["docker", "network", "ls", "-q", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert networks.isEmpty() : "networks left behind: " + networks

// the HTML report, written by the run, and by segment:report from the results files alone into target/reports
assert log.contains("Report: file:")
assert log.contains("Segments report: file:")
assert new File(basedir, "target/reports/segment-reports/index.html").isFile()
assert new File(basedir, "target/reports/segment-reports/logs/orders-db/orders-db.log").isFile()
def html = new File(reports, "index.html").text
assert html.contains("<strong>it.orders.OrderTotalsIT.totalIncludesTax</strong>: total with tax ==&gt; expected: &lt;119&gt; but was: &lt;100&gt;")
assert html.contains("mvn segment:run -Dsegment=orders-db")
assert html.contains("database system is ready to accept connections") // the fixture's log tail beside the failure

// No warning of ours, under any Maven and JDK the compatibility stage (.ci/compat) runs this case with.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
BuildLog.assertNoWarningsOfOurs(new File(basedir, "build.log"), localRepositoryPath.toString())
