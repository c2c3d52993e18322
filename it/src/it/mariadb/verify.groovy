def log = new File(basedir, "build.log").text
assert log =~ /\[legacy\] fixture legacy-db \(mariadb, [^)]+\) started in /
assert log.contains("\u2714 legacy (billing \u2194 legacy-db) PASSED: 1/1 tests passed")
def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty()
