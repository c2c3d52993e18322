def log = new File(basedir, "build.log").text
assert log.contains("segments.yaml: 1 segment(s), 2 fixture(s)")
assert log.contains("  repo  app \u2194 db  \"the repository\"")
assert log.contains("    tests:    classes [it.v.RepoIT]")
assert log =~ /    fixtures: db \(postgres, container\)/
assert log.contains("    data:     db (scope class)")
assert log.contains("[WARNING] segments.yaml: fixture 'spare' is declared but no segment uses it.")
assert log.contains("[WARNING] segments.yaml: integration test it.v.ForgottenIT belongs to no segment, so it never runs.")
assert log.contains("2 lint finding(s) in ")
assert log.contains("segment.strict=true:")
// validate starts nothing
def leftovers = ["docker", "ps", "-aq", "--filter", "label=io.segmented.run-id"].execute().text.trim()
assert leftovers.isEmpty()
assert !new File(basedir, "target/segment-reports").exists()

// No warning of ours, under any Maven and JDK the compatibility stage (.ci/compat) runs this case with.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
BuildLog.assertNoWarningsOfOurs(new File(basedir, "build.log"), localRepositoryPath.toString())
