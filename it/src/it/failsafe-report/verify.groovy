import javax.xml.XMLConstants
import javax.xml.transform.stream.StreamSource
import javax.xml.validation.SchemaFactory

// 1: the run wrote one file per segment and test class, and one for the segment whose fixture did not start
def reports = new File(basedir, "target/segment-reports")
def xmls = reports.listFiles().findAll { it.name.startsWith("TEST-") && it.name.endsWith(".xml") }*.name.sort()
assert xmls == ["TEST-catalog.it.f.CatalogIT.xml", "TEST-checkout.it.f.CheckoutIT.xml", "TEST-stock.xml"]
def checkout = new File(reports, "TEST-checkout.it.f.CheckoutIT.xml").text
assert checkout.contains("<rerunFailure message=\"payment state ==&gt; expected: &lt;paid&gt; but was: &lt;declined&gt;\"")
assert checkout.contains("<flakyFailure message=\"confirmation e-mail not sent yet\"")

// each file is valid against surefire's own test-report schema (the one the engine's unit test uses)
def validator = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
    .newSchema(new File(surefireXsd)).newValidator()
xmls.each { validator.validate(new StreamSource(new File(reports, it))) }

// 2: maven-surefire-report-plugin's failsafe-report-only renders them
def page = new File(basedir, "target/reports/failsafe.html")
assert page.isFile()
def html = page.text
// totals: 2 + 2 tests, and the fixture error as one errored test
assert html =~ /(?s)<th>Tests<\/th>\s*<th>Errors<\/th>\s*<th>Failures<\/th>.*?<td>5<\/td>\s*<td>1<\/td>\s*<td>1<\/td>/
// the segments' test classes, and the fixture-error segment as class "stock" of package "segment"
assert html.contains("<a href=\"#it.f.CatalogIT\">CatalogIT</a>")
assert html.contains("<a href=\"#it.f.CheckoutIT\">CheckoutIT</a>")
assert html.contains("<a href=\"#segment.stock\">stock</a>")
// the tests, the failure and the fixture error with their messages
["listsTheItems", "findsAnItem", "confirmsTheOrder", "chargesTheCard"].each {
  assert html.contains("<a id=\"TC_it.f." + (it in ["listsTheItems", "findsAnItem"] ? "CatalogIT" : "CheckoutIT") + "." + it + "\"></a>")
}
assert html.contains("payment state ==&gt; expected: &lt;paid&gt; but was: &lt;declined&gt;")
assert html.contains("at it.f.CheckoutIT.chargesTheCard(CheckoutIT.java:")
assert html.contains("<a id=\"TC_segment.stock.FIXTURE-ERROR\"></a>")
assert html.contains("fixture 'warehouse' (process, command sh -c echo warehouse cannot start; exit 3) did not become ready")
