import groovy.json.JsonSlurper

def results = { dir -> new JsonSlurper().parse(new File(basedir, "target/${dir}/segment-results.json")) }
def segment = { r, id -> r.segments.find { it.id == id } }
def ran = { r -> r.segments.collectMany { s -> s.tests.collect { "${s.id} ${it.className.tokenize('.').last()}#${it.name}".toString() } }.sort() }
def log = new File(basedir, "build.log").text
// a build refused for a bad option leaves no stack trace of the Docker warm-up behind it
assert !log.contains("Exception in thread") : "a background thread failed"
def builds = log.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 10

// 1. -Dit.test=OrderIT#creates*: two methods of one class; payments never started its fixture
def r1 = results("r1")
assert ran(r1) == ["orders OrderIT#createsDraft", "orders OrderIT#createsOrder"] : ran(r1)
assert segment(r1, "orders").outcome == "PASSED"
def payments = segment(r1, "payments")
assert payments.outcome == "SKIPPED"
assert payments.message == "none of its test classes matches -Dit.test=OrderIT#creates*"
assert payments.fixtures.isEmpty()
assert builds[0].contains("[orders] fixture orders-db (process")
assert !builds[0].contains("fixture payments-api")
assert r1.selection == "-Dit.test=OrderIT#creates*"
// a run that picks some tests (-Dit.test=X, -Dgroups) is not recorded in the history; one that only leaves some out
// (3, -Dit.test=!OrderIT) is: the history holds one run of each segment
def history = new JsonSlurper().parse(new File(basedir, "target/segment-history.json"))
assert history.segments.orders.size() == 1 && history.segments.payments.size() == 1 : history

// 2. method alternatives; 3. an excluded class
assert ran(results("r2")) == ["orders OrderIT#cancelsOrder", "orders OrderIT#createsOrder"] : ran(results("r2"))
assert ran(results("r3")) == ["orders OrderHistoryIT#listsOrders", "payments PaymentIT#chargesCard"] : ran(results("r3"))

// 4. -Dgroups=slow: the tagged tests of both segments
assert ran(results("r4")) == ["orders OrderIT#cancelsOrder", "payments PaymentIT#chargesCard"] : ran(results("r4"))

// 5. nothing matches: the build fails as failsafe's does, after starting nothing
assert builds[4].contains("No tests matching -Dit.test=NoSuchIT were executed in any segment! (Set -Dit.failIfNoSpecifiedTests=false to ignore this error.)")
assert !builds[4].contains("fixture orders-db")
assert builds[4].contains("No segment to run: the selection left every segment out (reasons below)")
assert results("r5").segments.every { it.outcome == "SKIPPED" }
// 6. ... unless told not to
assert builds[5].contains("BUILD SUCCESS")
// 7. a pattern this version cannot read
assert builds[6].contains("-Dit.test=%regex[.*IT]: %regex[] and %ant[] patterns are not supported")

// 8. part of the package
assert ran(results("r8")) == ["orders OrderHistoryIT#listsOrders"] : ran(results("r8"))
// 9. the class matches, no method does
def r9 = segment(results("r9"), "orders")
assert r9.outcome == "SKIPPED"
assert r9.message == "no test of segment 'orders' matches -Dit.test=OrderIT#noSuchMethod"
assert builds[8].contains("[orders] fixture orders-db (process")

// 10. the plan
assert builds[9] =~ /- payments \(shop \u2194 payments-api\) left out: none of its test classes matches -Dit.test=OrderIT/
assert builds[9].contains("\u2714 orders (shop \u2194 orders-db) selected: nothing left it out")
