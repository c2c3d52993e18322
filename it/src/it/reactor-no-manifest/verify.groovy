def log = new File(basedir, "build.log").text
def without = new File(basedir, "without-segments").canonicalPath
assert log.count("No segments.yaml in " + without + ": no segments to run.") == 2 // integration-test and verify
assert !new File(basedir, "without-segments/target/segment-reports").exists()
assert log.contains("\u2714 greeting (greeter \u2194 jvm) PASSED: 1/1 tests passed")
assert new File(basedir, "with-segments/target/segment-reports/TEST-greeting.it.greet.GreetingIT.xml").isFile()
