import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
def history = new File(basedir, "segment-history.json")
def skipped = "segment 'legacy' ran only skipped tests (1), so its fixtures and test JVM started for nothing. Remove the segment, or enable its tests"
def share = "fixture 'cache' is started anew by 2 segments \\(cart, cart-totals\\), \\d+\\.\\d s to ready each \\(mean of (\\d+) starts\\): 'reuse: run' on it starts it once for the run, each segment still with data of its own, and would save about \\d+\\.\\d s; keeping it running across builds \\(-Dsegment\\.keep\\) saves that start too\\. Keep them apart if a segment needs the server to itself"

// After each run: from that run and the earlier ones in the history file.
assert log.count("[INFO] Advice on cutting segments, from the measurements of this run and the earlier ones in " + history + ":\n") == 2
// segment:plan after a clean, with no results left: from the history alone.
assert log.count("[INFO] Advice on cutting segments, from the measured runs in " + history + ":\n") == 1
assert log.count("[INFO]   - " + skipped + "\n") == 3 : "after each run and in the plan"
// The first run measured two starts of the Redis, the plan has the same history, the second run adds its own two.
assert (log =~ ("\\[INFO\\]   - " + share + "\n")).collect { it[1] } == ["2", "2", "4"]
assert log =~ /\d piece\(s\) of advice on cutting segments, and -Dsegment.failOnAdvice is set: follow it, or leave the property out to only print it/
assert !log.contains("'rules' ran")

// The results carry the advice as data.
def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
def byKind = results.advice.groupBy { it.kind }
assert byKind.ONLY_SKIPPED == [[kind: "ONLY_SKIPPED", segment: "legacy", skipped: 1, savesMillis: 0, text: skipped]]
def shared = byKind.SHARE_FIXTURE[0]
assert shared.fixtures == ["cache"] && shared.segments == ["cart", "cart-totals"] && shared.starts == 4
assert shared.savesMillis == shared.readyMillis
assert shared.text ==~ share

// The history keeps what each run measured.
def segments = new JsonSlurper().parse(history).segments
def cart = segments.cart
assert cart.size() == 2
assert cart.every { it.measures.tests == 1 && it.measures.skipped == 0 && it.measures.fixtureReadyMillis.cache != null }

// Sharing is advised for a fixture whose mean start is 1.5 s or more (the unit test AdvisorTest covers one below).
def ready = (segments.cart + segments["cart-totals"]).collect { it.measures.fixtureReadyMillis.cache }
assert ready.size() == 4 && ready.sum() / 4 >= 1500 : "the slow Redis waits 2 s before it listens: " + ready
assert byKind.SHARE_FIXTURE.size() == 1

// The report shows it, counted in the header and listed with links to the segments.
def report = new File(basedir, "target/segment-reports/index.html").text
assert report.contains("<span>Advice <strong><a href=\"#advice\">" + results.advice.size() + "</a></strong></span>")
assert report.contains("<h2 id=\"advice\">Advice on cutting segments</h2>")
assert report.contains("<li class=\"advice-only-skipped\"><strong>Only skipped tests</strong> (<a href=\"#segment-legacy\">legacy</a>): " + skipped.replace("'", "&#39;") + "</li>")
assert report.contains("<li class=\"advice-share-fixture\"><strong>Share a fixture</strong> (<a href=\"#segment-cart\">cart</a>, <a href=\"#segment-cart-totals\">cart-totals</a>): fixture &#39;cache&#39; is started anew")
