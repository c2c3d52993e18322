def log = new File(basedir, "build.log").text
assert log.contains("segments.yaml has 2 problem(s):")
assert log.contains("segments.yaml:13:5: unknown key 'fixture' in 'repo'. Did you mean 'fixtures'?")
assert log.contains("segments.yaml:14:14: 'timeout' is not a duration: '5 minutes'. Write a number and a unit: 250ms, 30s, 5m or 1h")
