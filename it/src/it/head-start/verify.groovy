def log = new File(basedir, "build.log").text
// the build failed where the project says, after the fixture of the head start had started
assert log.contains("the compile fails here on purpose, after the head start")
assert !log.contains("the fixture started ahead never wrote its log")
assert !log.contains(":run (default-cli) @ head-start ---") : "the run goal never ran"
// the JVM's exit stopped it, and said so
assert log.contains("[segment] The build is ending before its segments ran: removing the fixtures started ahead of them")
assert log.contains("[segment] Stopped; nothing of the run is left running")
assert !log.contains("Exception in thread")

// the run before this build keeps its results, report and logs: the head start set the logs of 'cached' aside while
// its own fixture wrote there, and the JVM's exit put them back
def reports = new File(basedir, "target/segment-reports")
assert new File(reports, "segment-results.json").text == "{\"the\": \"run before\"}"
assert new File(reports, "index.html").text == "<html>the run before</html>"
assert new File(reports, "logs/cached/earlier.log").text == "the run before"
assert !new File(reports, "logs/cached/cache.log").exists() : "the log of the start whose run never came"
assert !new File(reports, "logs/.earlier").exists()

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))
// the segment's test JVM had started ahead too, waiting to discover tests that never compiled: stopped with the rest
// (assertNothingLeft looks for test JVMs under target/segment-work)
assert new File(basedir, "target/segment-work/cached/jvm.args").isFile()
NestedBuild.assertNothingLeft(basedir, "after the build that ended before its run")
