def log = new File(basedir, "build.log").text
// planned before the compile, the head start started the first segment's fixture alone; after it, both run
assert log.contains("Stopped the fixtures segment:warm-up started ahead, and starting afresh: its plan starts the segments [first] and the run after the compile [first, second] (other tests match -Dit.test after the compile")
assert !log.contains("started ahead, while Maven compiled")
// what the dropped start's setup said is said once, by the run (the plugin says it turned Ryuk off only where the
// environment did not choose)
def ryukSaid = System.getenv("TESTCONTAINERS_RYUK_DISABLED") == null ? 1 : 0
assert log.count("Testcontainers runs without its Ryuk container") == ryukSaid
assert log.contains("\u2714 first (app \u2194 cache) PASSED: 1/1 tests passed")
assert log.contains("\u2714 second (app \u2194 cache) PASSED: 1/1 tests passed")
assert log.count("] fixture cache (redis, ") == 2 : "each segment's fixture, started by the run"
assert !log.contains("Exception in thread")

def NestedBuild = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "NestedBuild.groovy"))
NestedBuild.assertNothingLeft(basedir, "after the run that dropped the head start")
