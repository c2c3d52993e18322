import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, "build.log").text
def reports = new File(basedir, "shop/target/segment-reports")
def results = new JsonSlurper().parse(new File(reports, "segment-results.json"))
def segment = { id -> results.segments.find { it.id == id } }

// a double that keeps the contract, and a client that sends only what it allows
assert segment("double-keeps-contract").outcome == "PASSED"

// a stub that returns a field the contract does not declare: the tests do not run
def drifted = segment("double-drifted")
assert drifted.outcome == "CONTRACT_MISMATCH"
assert drifted.tests.isEmpty()
assert drifted.message.contains("segment 'double-drifted': the stubs of its double broke contract contracts/pricing.yaml (1 violation):")
assert drifted.message.contains("src/it/drifted/mappings/price-a1.json: GET /prices/{sku} (getPrice): stubbed body \$: property 'discount' is not defined in the schema")
assert log.contains("\u2718 double-drifted (shop \u2194 pricing-drifted) CONTRACT-MISMATCH: 0/0 tests passed")

// a client that sends a request the contract does not allow: its tests passed against the double, the segment not
def careless = segment("client-breaks-contract")
assert careless.outcome == "CONTRACT_MISMATCH"
assert careless.tests*.outcome == ["PASSED"]
assert careless.message.contains("segment 'client-breaks-contract': the requests its tests sent broke contract contracts/pricing.yaml (1 violation):")
assert careless.message.contains("request POST /quotes: POST /quotes (quote): request body \$.quantity: must have a minimum value of 1")

// the same with WireMock in a container: its journal is read through the same admin API
def inContainer = segment("client-breaks-contract-container")
assert inContainer.outcome == "CONTRACT_MISMATCH"
assert inContainer.fixtures[0].provider == "container"
assert inContainer.message.contains("request POST /quotes: POST /quotes (quote): request body \$.quantity: must have a minimum value of 1")

// the double is reset before each test, which clears its journal: the journal is checked before each reset
def beforeReset = segment("client-breaks-contract-before-reset")
assert beforeReset.outcome == "CONTRACT_MISMATCH"
assert beforeReset.tests*.outcome == ["PASSED", "PASSED"]
assert beforeReset.message.endsWith("(1 violation):\n  request GET /prices/a-1: GET /prices/{sku} (getPrice): path parameter sku \$: does not match the regex pattern ^[A-Z]-[0-9]+\$")

// the real provider answers every example of the contract; each example is a test of the segment
def provider = segment("provider-keeps-contract")
assert provider.outcome == "PASSED"
def examples = provider.tests.findAll { it.className == "contract.pricing" }
assert examples*.name == ["GET /prices/{sku} [known]", "GET /prices/{sku} [unknown]", "POST /quotes [example]"]
assert examples*.outcome == ["PASSED", "PASSED", "PASSED"]
def xml = new XmlSlurper().parse(new File(reports, "TEST-provider-keeps-contract.contract.pricing.xml"))
assert xml.@tests == "3"
assert xml.@failures == "0"

// a provider segment needs no test class of its own
def examplesOnly = segment("provider-examples-only")
assert examplesOnly.outcome == "PASSED"
assert examplesOnly.tests*.className == ["contract.pricing"] * 3

// a provider that breaks one response fails naming the example and what is wrong
def broken = segment("provider-breaks-contract")
assert broken.outcome == "CONTRACT_MISMATCH"
assert broken.message == "segment 'provider-breaks-contract': the provider broke contract contracts/pricing.yaml in 1 of 3 examples: GET /prices/{sku} [known]"
def failed = broken.tests.find { it.name == "GET /prices/{sku} [known]" }
assert failed.outcome == "FAILED"
assert failed.message == "GET /prices/A-1 answered 200 against GET /prices/{sku} (getPrice) in contracts/pricing.yaml: body \$.cents: string found, integer expected"
def brokenXml = new XmlSlurper().parse(new File(reports, "TEST-provider-breaks-contract.contract.pricing.xml"))
assert brokenXml.@failures == "1"

// what each check took
def providerLog = new File(reports, "logs/provider-keeps-contract/contract.log").text
assert providerLog.startsWith("read contracts/pricing.yaml: parsed and resolved in ")
assert providerLog.contains("provider verified: 3 example(s), 0 failed in ")
assert !providerLog.contains("stubs checked")
def doubleLog = new File(reports, "logs/double-keeps-contract/contract.log").text
assert doubleLog.contains("stubs checked: 0 violation(s) in ")
assert doubleLog.contains("requests checked: 0 violation(s) in ")

// the report gives the outcome a badge of its own
def html = new File(reports, "index.html").text
assert html.contains("class=\"badge contract-mismatch\"")
assert log.contains("5 of 8 segment(s) failed:")

def left = ["pgrep", "-f", "pricing-service-1.0.jar"].execute().text.trim()
assert left.isEmpty() : "the pricing process is still running: " + left

def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty() : "containers left behind: " + leftovers
