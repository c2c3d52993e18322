import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log =~ /\[shop\] fixture shop-db \(mysql, [^)]+\) started in /
assert log.contains("\u2714 shop (checkout \u2194 shop-db) PASSED: 1/1 tests passed")
def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
assert results.segments[0].fixtures[0].kind == "mysql"
assert results.segments[0].fixtures[0].provider == "container"
def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
def networks = ["docker", "network", "ls", "-q", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert networks.isEmpty() : "networks left behind: " + networks
