def log = new File(basedir, "build.log").text

// Before: failsafe runs the suite in `mvn verify`, the tests starting their own container.
def summary = new File(basedir, "target/failsafe-reports/failsafe-summary.xml")
assert summary.isFile()
assert summary.text.contains("<completed>3</completed>")
assert summary.text.contains("<failures>0</failures>")
assert summary.text.contains("<errors>0</errors>")

// After: segment:run runs the same suite from the segments.yaml that segment:init wrote, unedited.
assert log.contains("\u2714 pricing (pricing \u2194 external) PASSED: 2/2 tests passed")
assert log.contains("\u2714 stock (stock \u2194 postgres) PASSED: 1/1 tests passed")
assert log.contains("Segments: 2, failed: 0; tests: 3, failures: 0, errors: 0, skipped: 0")

// The checked-in manifest is what segment:init writes for this project today.
def lines = log.readLines()
def start = lines.findIndexOf { it.startsWith("[INFO] segment:init would write ") }
assert start >= 0
def printed = []
for (line in lines.drop(start + 1)) {
  if (!line.startsWith("[INFO]") || line.startsWith("[INFO] ---")) {
    break
  }
  printed << line.replaceFirst(/^\[INFO\] ?/, "")
}
def manifest = new File(basedir, "segments.yaml").text
assert printed.join("\n") + "\n" == manifest : "segments.yaml differs from what segment:init writes now; run mvn segment:init -Dsegment.dryRun and check it in"
