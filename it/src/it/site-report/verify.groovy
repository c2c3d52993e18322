def log = new File(basedir, "build.log").text
assert log.contains("\u2718 checkout (shop \u2194 payments) FAILED")
def page = new File(basedir, "target/site/segment-reports/index.html")
assert page.isFile()
def html = page.text
assert html.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
assert !html.contains("<script>")
def reports = new File(basedir, "target/site/project-reports.html").text
assert reports.contains("href=\"segments.html\"")
assert reports.contains("Segments")

// The summary inside the site's skin (its menu and Project Reports beside it), linking to the full report.
def summary = new File(basedir, "target/site/segments.html").text
assert summary.contains("project-reports.html") : "drawn inside the site's skin"
assert summary.contains("Segments of site-report")
assert summary.contains("<a href=\"segment-reports/index.html\">The full report</a>")
assert summary.contains("<a href=\"segment-reports/index.html#segment-checkout\">checkout</a>")
assert summary =~ /shop (\u2194|&#x2194;) payments/
assert summary =~ /(\u2718|&#x2718;) FAILED/
assert summary.contains("&lt;script&gt;alert(1)&lt;/script&gt;")
assert !summary.contains("<script>alert")

// No warning of ours, under any Maven and JDK the compatibility stage (.ci/compat) runs this case with.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
BuildLog.assertNoWarningsOfOurs(new File(basedir, "build.log"), localRepositoryPath.toString())
