import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, "build.log").text
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
assert fixtureLog[0] == "[segment-maven-plugin] JAVA_OPTS=-XX:TieredStopAtLevel=1 -XX:+UseSerialGC (a stub server starts faster with the client compiler)"
assert fixtureLog.contains("docker-entrypoint: java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar /var/wiremock/lib/wiremock-standalone.jar --port 8080 --root-dir /home/wiremock")

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
def networks = ["docker", "network", "ls", "-q", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert networks.isEmpty() : "networks left behind: " + networks
