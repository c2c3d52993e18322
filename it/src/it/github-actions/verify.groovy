def log = new File(basedir, "build.log").text
def lines = log.readLines()

// The failed test, at its line of TotalsIT.java, as a workflow command at the start of a line of the output.
assert lines.contains("::error file=src/test/java/it/shop/TotalsIT.java,line=12,title=segment 'totals' (shop \u2194 totals)%3A it.shop.TotalsIT.includesTax::total with tax ==> expected: <119> but was: <100>")
// The manifest's problems, each at its line and column.
assert lines.contains("::error file=bad.yaml,line=9,col=5,title=bad.yaml%3A9%3A5::unknown key 'fixture' in 'rules'. Did you mean 'fixtures'?")
assert lines.contains("::error file=bad.yaml,line=10,col=14,title=bad.yaml%3A10%3A14::'timeout' is not a duration: '5 minutes'. Write a number and a unit: 250ms, 30s, 5m or 1h")
assert lines.count { it.startsWith("::error ") } == 3

def summary = new File(basedir, "step-summary.md").text
assert summary.startsWith("### Segments of github-actions: 1 of 3 segments failed\n")
assert summary.contains("| | Boundary | Segments | Outcome | Tests | Failed | Skipped | Time |")
assert summary =~ /\| \u2714 \| shop \u2194 rules \| `rules` \| PASSED \| 1 \| 0 \| 0 \| \d+\.\d s \|/
assert summary =~ /\| \u2718 \| shop \u2194 totals \| `totals` \| FAILED \| 2 \| 1 \| 0 \| \d+\.\d s \|/
assert summary.contains("- `totals` (shop \u2194 totals) `it.shop.TotalsIT.includesTax`: total with tax ==> expected: <119> but was: <100>")
assert summary =~ /\| \u2714 \| shop \u2194 legacy \| `legacy` \| PASSED \| 1 \| 0 \| 1 \| \d+\.\d s \|/
// The advice on cutting segments, after the failures and before the link to the report.
assert summary.contains("\n**Advice on cutting segments**\n\n- Only skipped tests: segment 'legacy' ran only skipped tests (1), so its fixtures and test JVM started for nothing. Remove the segment, or enable its tests\n\nThe full report")
assert summary.contains("The full report (timeline, boundary graph, logs): `target/segment-reports/index.html`")
// The second build appended the manifest's problems to the same summary.
assert summary.contains("### Segments of github-actions: the manifest `bad.yaml` has 2 problem(s)\n\n- `bad.yaml:9:5: unknown key 'fixture' in 'rules'. Did you mean 'fixtures'?`\n")
