def log = new File(basedir, "build.log").text
assert log.contains("\u2718 checkout (shop \u2194 payments) FAILED")
def page = new File(basedir, "target/site/segment-reports/index.html")
assert page.isFile()
def html = page.text
assert html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
assert !html.contains("<script>")
def reports = new File(basedir, "target/site/project-reports.html").text
assert reports.contains("segment-reports/index.html")
assert reports.contains("Segments")

// No warning of ours, under any Maven and JDK the compatibility stage (.ci/compat) runs this case with.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
BuildLog.assertNoWarningsOfOurs(new File(basedir, "build.log"), localRepositoryPath.toString())
