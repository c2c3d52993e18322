def log = new File(basedir, "build.log").text
// the tests were compiled once, by the lifecycle, not again by a forked one
assert log.count("maven-compiler-plugin:3.13.0:testCompile") == 1
// integration-test recorded the failure without failing; verify failed the build
assert log =~ /segment-maven-plugin:[^:]+:integration-test \(default\)/
assert log.contains("\u2718 arithmetic (calculator \u2194 jvm) FAILED: 1/2 tests passed")
assert log =~ /Failed to execute goal io\.segmented:segment-maven-plugin:[^:]+:verify \(default\)/
assert log.contains("it.calc.AdditionIT.isWrongOnPurpose: two and two ==> expected: <5> but was: <4>")
assert new File(basedir, "target/segment-reports/segment-results.json").isFile()
