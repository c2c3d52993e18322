def log = new File(basedir, "build.log").text
def advice = "segment 'legacy' ran only skipped tests (1), so its fixtures and test JVM started for nothing. Remove the segment, or enable its tests"

assert log.contains("[INFO] Advice on cutting segments, from this run's measurements:\n[INFO]   - " + advice)
assert log.contains("[INFO] Advice on cutting segments, from the measurements of the last run (")
assert log.count("[INFO]   - " + advice) == 3 : "after each run and in the plan"
assert log.contains("1 piece(s) of advice on cutting segments, and -Dsegment.failOnAdvice is set: follow it, or leave the property out to only print it")
assert !log.contains("'rules' ran")
