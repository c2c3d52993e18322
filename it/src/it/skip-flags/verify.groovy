def log = new File(basedir, "build.log").text
assert log.contains("Segments are skipped (skipITs=true).")
assert log.contains("Segments are skipped (segment.skip=true).")
assert log.contains("Segments are skipped (skipTests=true).")
assert log.contains("Segments are skipped (maven.test.skip=true).")
assert !new File(basedir, "target/segment-reports").exists()
