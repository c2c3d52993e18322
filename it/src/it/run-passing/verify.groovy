import groovy.xml.XmlSlurper
import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
def pom = new XmlSlurper().parse(new File(basedir, "pom.xml"))
def postgresImage = pom.properties."it.image.postgres".text()
// the image, or the initialised snapshot of it that an earlier case or build made (below)
def dbImage = ~/${java.util.regex.Pattern.quote(postgresImage)}|segmented-snapshot\/postgres:\w+/
assert log =~ /\[shop-db\] fixture db \(postgres, (${dbImage})\) started in /
// segment:run forks the lifecycle with segment:warm-up at its start: Docker's client connects while Maven compiles
def warmUp = log.indexOf(":warm-up (default-cli) @ ")
assert warmUp >= 0 && warmUp < log.indexOf(":compile (default-compile) @ ")
// and plans the run, starting the fixtures of the segments that start first while Maven compiles; the run takes them
def ahead = log =~ /Fixtures of ([\w, -]+) started ahead, while Maven compiled \(segment:warm-up; -Dsegment.headStart=false leaves them to this goal\)/
assert ahead.find() : "the run took over fixtures started ahead"
def startedAhead = ahead.group(1).split(", ") as List
assert !startedAhead.isEmpty() && ["shop-db", "shop-web", "shop-cache"].containsAll(startedAhead)
// each of them once: the run started none of them again
startedAhead.each { segment -> assert log.count("[" + segment + "] fixture ") == 1 }
assert log.contains("[shop-web] fixture web (container, " + pom.properties."it.image.httpd".text() + ") started in ")
assert log.contains("\u2714 shop-db (shop \u2194 db) PASSED: 3/3 tests passed")
assert log.contains("\u2714 shop-web (shop \u2194 web) PASSED: 1/1 tests passed")
assert log.contains("\u2714 shop-cache (shop \u2194 cache) PASSED: 1/1 tests passed")
assert log.contains("Segments: 3, failed: 0; tests: 5, failures: 0, errors: 0, skipped: 0")

// segment:run compiled the tests through its forked lifecycle
assert new File(basedir, "target/test-classes/it/shop/db/DatabaseIT.class").isFile()

def reports = new File(basedir, "target/segment-reports")
def results = new JsonSlurper().parse(new File(reports, "segment-results.json"))
assert results.schemaVersion == 1
assert results.segments*.id == ["shop-db", "shop-web", "shop-cache"]
assert results.segments*.outcome == ["PASSED", "PASSED", "PASSED"]
assert results.segments[0].between == ["shop", "db"]
assert results.segments[0].fixtures*.id == ["db"]
assert results.segments[0].fixtures[0].image ==~ dbImage
assert results.segments[0].fixtures[0].startMillis > 0
assert results.segments[1].fixtures*.id == ["web"]
assert results.totals.tests == 5
assert results.segments[2].fixtures[0].kind == "redis"

def xml = new XmlSlurper().parse(new File(reports, "TEST-shop-db.it.shop.db.DatabaseIT.xml"))
assert xml.@name == "it.shop.db.DatabaseIT"
assert xml.@tests == "3"
assert xml.@failures == "0"
assert xml.testcase.size() == 3
assert new File(reports, "TEST-shop-web.it.shop.web.PagesIT.xml").isFile()
assert !reports.listFiles().any { it.name.contains("PlainTest") }

assert new File(reports, "logs/shop-db/db.log").text.contains("database system is ready to accept connections")
assert new File(reports, "logs/shop-web/web.log").isFile()

// segment:warm-up started the segments' test JVMs while Maven compiled (the build waits for shop-db's before its
// tests compile): shop-db's JVM is older than its test class, and than the folders of its classpath, which it still
// found and ran (it discovered the tests only once the run goal said they were compiled; tests: 3, above). The run
// kept them: the classpath warm-up resolved before the compile is Maven's, in Maven's order (Maven 4's resolver
// lists it in another), so they were not stopped for another.
def stopped = log.readLines().find { it.contains("Stopped the test JVMs segment:warm-up started ahead") }
assert stopped == null : stopped
def jvmStarted = new File(basedir, "target/shop-db-jvm-started.txt").text as long
def compiled = new File(basedir, "target/test-classes/it/shop/db/DatabaseIT.class").lastModified()
assert jvmStarted < compiled : "the test JVM started at ${jvmStarted}, after its test class was compiled at ${compiled}"

// Nothing the run started may be left behind.
def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
def networks = ["docker", "network", "ls", "-q", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert networks.isEmpty() : "networks left behind: " + networks

// The fixture has no seeds: where the engine holds no initialised snapshot of this image and these settings yet, the
// server runs initdb (its data directory on a tmpfs, as run-failing checks with snapshots off) and one is made beside
// it; where it holds one (an earlier case or build made it), the server starts from it.
def dbLog = new File(basedir, "target/segment-reports/logs/shop-db/db.log").readLines()
if (dbLog[0].startsWith("[segment-maven-plugin] started from the initialised snapshot segmented-snapshot/postgres:")) {
  assert dbLog[0].endsWith(" (its database shop made, empty): no initdb") : dbLog[0]
} else {
  assert dbLog[0].startsWith("[segment-maven-plugin] no initialised snapshot segmented-snapshot/postgres:") : dbLog[0]
  assert dbLog[1] == "[segment-maven-plugin] data directory /var/lib/postgresql/data on a tmpfs at /var/lib/postgresql/data (a volume of the image)"
}

// No warning of ours, under any Maven and JDK the compatibility stage (.ci/compat) runs this case with.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
BuildLog.assertNoWarningsOfOurs(new File(basedir, "build.log"), localRepositoryPath.toString())
