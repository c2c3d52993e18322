import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
// 1: verify records both modules' runs; the failed segment does not fail the build without segment:verify
assert log.contains("\u2714 placing (orders \u2194 catalog) PASSED")
assert log.contains("\u2718 invoicing (billing \u2194 mailer) FAILED")

// 2: the root has no results of its own: said in one line, once per report made
assert log.count("[INFO] Left out of the aggregate segments report, no target/segment-reports/segment-results.json: aggregate") == 2
assert log.count("[INFO] Aggregate segments report of 2 module(s), 2 segment(s), 1 failed: ") == 2

// the aggregate reports directory: one results file with both modules' segments, prefixed by their module
def dir = new File(basedir, "target/segment-reports-aggregate")
def results = new JsonSlurper().parse(new File(dir, "segment-results.json"))
assert results.module == "aggregate"
assert results.segments.collect { it.id + " " + it.outcome } == ["orders/placing PASSED", "billing/invoicing FAILED"]
assert results.totals.segments == 2 && results.totals.failedSegments == 1
def mailer = results.segments[1].fixtures[0]
assert mailer.log == "logs/billing/invoicing/mailer.log"
assert new File(dir, mailer.log).text.contains("mailer ready")

/** The page's section of one segment: from its anchor to the next section. */
def section(String html, String id) {
  def start = html.indexOf("<section id=\"segment-" + id + "\">")
  assert start >= 0 : "no section for " + id
  def end = html.indexOf("</section>", start)
  return html.substring(start, end)
}

for (page in [new File(dir, "index.html"),
              new File(basedir, "target/reports/segment-reports-aggregate/index.html"),
              new File(basedir, "target/site/segment-reports-aggregate/index.html")]) {
  assert page.isFile() : page
  def html = page.text
  assert html.contains("<a href=\"#segment-orders/placing\">orders/placing</a>")
  assert html.contains("<a href=\"#segment-billing/invoicing\">billing/invoicing</a>")
  assert section(html, "orders/placing").contains(">PASSED<")
  def invoicing = section(html, "billing/invoicing")
  assert invoicing.contains(">FAILED<")
  assert invoicing.contains("it.billing.InvoicingIT.sendsTheInvoice")
  assert invoicing.contains("invoice state")
  assert invoicing.contains("href=\"logs/billing/invoicing/mailer.log\"")
  assert invoicing.contains("mvn -pl :billing segment:run -Dsegment=invoicing")
  assert new File(page.parentFile, "logs/billing/invoicing/mailer.log").isFile()
}

// the root's site lists the report under Project Reports; the modules' sites have none
def reports = new File(basedir, "target/site/project-reports.html").text
assert reports.contains("segment-reports-aggregate/index.html")
assert reports.contains("Segments of all modules")
assert !new File(basedir, "orders/target/site/segment-reports-aggregate").exists()
assert !new File(basedir, "billing/target/site/segment-reports-aggregate").exists()
