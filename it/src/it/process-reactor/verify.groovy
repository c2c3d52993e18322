import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log =~ /\[orders-pricing\] fixture pricing \(process, java -jar \.\.\/pricing-service\/target\/pricing-service-1\.0\.jar \$\{port\.http\}\) started in /
assert log.contains("\u2714 orders-pricing (orders \u2194 pricing) PASSED: 1/1 tests passed")
def reports = new File(basedir, "orders/target/segment-reports")
def results = new JsonSlurper().parse(new File(reports, "segment-results.json"))
assert results.segments[0].fixtures[0].provider == "process"
assert new File(reports, "logs/orders-pricing/pricing.log").text.contains("pricing listening on ")
def left = ["pgrep", "-f", "pricing-service-1.0.jar"].execute().text.trim()
assert left.isEmpty() : "the pricing process is still running: " + left
