// The results of a run before this build, as segment:run leaves them: the build that ends before its run (below)
// must leave them as they were, the logs of the segment the head start starts included.
def reports = new File(basedir, "target/segment-reports")
new File(reports, "logs/cached").mkdirs()
new File(reports, ".segment-reports").text = "Made by segment-maven-plugin\n"
new File(reports, "segment-results.json").text = "{\"the\": \"run before\"}"
new File(reports, "index.html").text = "<html>the run before</html>"
// (not cache.log, which the build below waits for: the log of the fixture the head start started)
new File(reports, "logs/cached/earlier.log").text = "the run before"
return true
