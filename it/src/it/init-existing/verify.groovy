def log = new File(basedir, "build.log").text
def manifest = new File(basedir, "segments.yaml")

// the manifest is the one written by hand, byte for byte
assert manifest.text == '''# written by hand; segment:init must leave it as it is
version: 1
segments:
  plain:
    boundary:
      between: [plain, jvm]
      tests:
        classes: ["it.plain.*IT"]
    fixtures: []
'''

// -Dsegment.dryRun printed what segment:init would write, and wrote nothing
assert log.contains("[INFO] segment:init would write " + manifest + " (segment.dryRun):")
assert log.contains("[INFO] #   - no maven-failsafe-plugin configuration: failsafe's defaults")
assert log.contains("[INFO]         classes: [\"it.plain.*IT\"]")

// without it, segment:init refused
assert log.contains(manifest.toString() + " exists already, and segment:init never overwrites a manifest. Run it with -Dsegment.dryRun to print what it would write, or move the file away and run it again")
assert !new File(basedir, "target/segment-reports").exists()
