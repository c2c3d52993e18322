import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def whole = new File(basedir, "build.log").text
def builds = whole.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 5
def log = builds[1]
def image = new XmlSlurper().parse(new File(basedir, "pom.xml")).properties."it.image.wiremock".text()
// a container fixture names its image where an embedded one says "embedded WireMock"
assert log.contains("[catalog-http] fixture catalog (wiremock, " + image + ") started in ")
assert log.contains("\u2714 catalog-http (shop \u2194 catalog) PASSED: 2/2 tests passed")
// no TESTCONTAINERS_RYUK_DISABLED in this build: the plugin reaps by itself, says so once, and starts no Ryuk
assert log.count("Testcontainers runs without its Ryuk container: this plugin removes what it starts by label") == 1
assert !log.contains("Ryuk has been disabled")

def reports = new File(basedir, "target/segment-reports")
def results = new JsonSlurper().parse(new File(reports, "segment-results.json"))
assert results.segments*.outcome == ["PASSED"]
def fixture = results.segments[0].fixtures[0]
assert fixture.id == "catalog"
assert fixture.kind == "wiremock"
assert fixture.provider == "container"
assert fixture.image == image
// WireMock's own output, streamed from the container
assert new File(reports, "logs/catalog-http/catalog.log").text =~ /port:\s+8080/
// the stub server's JVM got the options for a fast start (the local image's entrypoint echoes its command)
def fixtureLog = new File(reports, "logs/catalog-http/catalog.log").readLines()
def fast = "[segment-maven-plugin] JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC (a stub server starts faster with the client compiler)"
def plainStart = "docker-entrypoint: java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /var/wiremock/lib/wiremock-standalone.jar --port 8080 --root-dir /home/wiremock"
// no class-data archive after the prune: the first run starts WireMock as before and has one made beside it
def noArchive = (fixtureLog[0] =~ /^\Q${fast}\E; no class-data archive segmented-snapshot\/wiremock:(\w+) yet: it is made beside this segment for the next fixture or build$/)
assert noArchive.find() : fixtureLog[0]
def key = noArchive.group(1)
assert fixtureLog.contains(plainStart)

// the second run starts from the archive: the same tests pass on a JVM that maps its classes
def r3 = new JsonSlurper().parse(new File(basedir, "target/r3/segment-results.json"))
assert r3.segments*.outcome == ["PASSED"]
assert r3.segments[0].tests.size() == 2
def log3 = new File(basedir, "target/r3/logs/catalog-http/catalog.log").readLines()
assert log3[0] == fast + "; started from the class-data archive segmented-snapshot/wiremock:" + key + " of " + image + " (-XX:SharedArchiveFile=/tmp/segment-class-data.jsa): its JVM maps the classes it would otherwise load one by one"
assert log3.contains("docker-entrypoint: java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=/tmp/segment-class-data.jsa -Xshare:auto -jar /var/wiremock/lib/wiremock-standalone.jar --port 8080 --root-dir /home/wiremock")
// (an image whose JVM wrote no archive is marked so, and its fixtures say nothing of one: this one said "started from")
// snapshots off: WireMock starts as before, and nothing is said of an archive
def log4 = new File(basedir, "target/r4/logs/catalog-http/catalog.log").readLines()
assert new JsonSlurper().parse(new File(basedir, "target/r4/segment-results.json")).segments*.outcome == ["PASSED"]
assert log4[0] == fast
assert log4.contains(plainStart)

// prune removes the archive with the snapshots
assert builds[4] =~ /Removed [1-9]\d* snapshot\(s\) \(seeded databases, WireMock class data\) from the Docker engine/
def archives = ["docker", "images", "-q", "segmented-snapshot/wiremock"].execute().text.trim()
assert archives.isEmpty() : "archives left: " + archives

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
def networks = ["docker", "network", "ls", "-q", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert networks.isEmpty() : "networks left behind: " + networks
