def log = new File(basedir, "build.log").text
assert log =~ /\[legacy\] fixture legacy-db \(mariadb, [^)]+\) started in /
assert log.contains("\u2714 legacy (billing \u2194 legacy-db) PASSED: 1/1 tests passed")
def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty()
// this image declares no volume for its datadir: it stays on the container's disk
assert new File(basedir, "target/segment-reports/logs/legacy/legacy-db.log").readLines()[0] ==
    "[segment-maven-plugin] data directory /var/lib/mysql on the container's disk (the image declares no volume for it)"
