def log = new File(basedir, "build.log").text
def env = "[WARNING] segments.yaml:5:14: '\${env.SEGMENT_IT_NEVER_SET}' is not resolved: the environment variable" +
    " SEGMENT_IT_NEVER_SET is not set, so the value stays as written. Set SEGMENT_IT_NEVER_SET in the build's" +
    " environment, or write the value itself"
def property = "[WARNING] segments.yaml:6:50: '\${projet.version}' is not resolved: there is no project property" +
    " 'projet.version', so the value stays as written. Define it in the pom's <properties> or pass" +
    " -Dprojet.version=..., or write the value itself"
// once from segment:validate, once from segment:plan
assert log.count(env) == 2
assert log.count(property) == 2
assert log.contains("segments.yaml: 1 segment(s), 1 fixture(s)")
assert log.contains("  checkout  shop \u2194 app  \"\$ and \\ and \u00e9 in a description\"")
assert log.contains("  \${env.SEGMENT_IT_NEVER_SET} (app): not a valid image name: it holds a \${...} that nothing" +
    " resolved, so a run cannot start it. Set 'image' to name:tag")
assert !log.contains("Illegal group reference")
assert !log.contains("BUILD FAILURE")

def plan = new groovy.json.JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-plan.json"))
assert plan.warnings.collect { [it.line, it.column] } == [[5, 14], [6, 50]]
