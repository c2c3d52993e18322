import groovy.json.JsonSlurper

import java.nio.charset.StandardCharsets

def log = new File(basedir, "build.log").text
def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
def outcome = results.segments.collectEntries { [(it.id): it.outcome] }
assert outcome == [passing: "PASSED", failing: "FAILED"] : outcome
// the passing segment's database was restored before its class, over the restore socket and its token
def restored = results.segments.find { it.id == "passing" }.fixtures.find { it.id == "db" }
assert restored.restores >= 1 : restored
// the failure is reported, its secrets masked
assert log.contains("could not log in as shop/**** with token ****") : "the failure, masked"

def secrets = ["Zq7-pg-secret-4411", "tökén-ünïcode-42", "svc-tok-9a8b7c"]
def found = []
def scanned = 0
new File(basedir, "target").eachFileRecurse { f ->
  if (!f.isFile()) {
    return
  }
  scanned++
  byte[] bytes = f.bytes
  def asUtf8 = new String(bytes, StandardCharsets.UTF_8)
  def asLatin1 = new String(bytes, StandardCharsets.ISO_8859_1)
  secrets.each { s ->
    if (asUtf8.contains(s) || asLatin1.contains(s)) {
      found << "${f.path.substring(basedir.path.length() + 1)}: ${s}"
    }
  }
}
assert scanned > 10 : "only ${scanned} files under target/"
assert found.isEmpty() : "secrets left in files under target/:\n" + found.join("\n")
// the fixtures' logs were written, masked
assert new File(basedir, "target/segment-reports/logs/failing/echo.log").text.contains("started with ****")
return true
