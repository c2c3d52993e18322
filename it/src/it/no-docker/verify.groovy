import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
assert log.contains("[orders-db] fixture orders-db (postgres, embedded PostgreSQL (io.zonky embedded-postgres)) started in ")
assert log.contains("\u2714 orders-db (orders \u2194 orders-db) PASSED: 1/1 tests passed")
assert log.contains("No Docker engine reachable (DOCKER_HOST=tcp://127.0.0.1:9 not answering). Fixtures that need one in ")
assert log.contains("needs-docker.yaml: 'web' (container), 'db' (postgres). Start Docker, or set DOCKER_HOST to a reachable engine, or set 'provider: embedded' (or auto) on the postgres fixtures. Nothing was started")

def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
assert results.segments[0].fixtures[0].provider == "embedded"
assert results.segments[1].fixtures[0].provider == "embedded"
assert log.contains("\u2714 orders-payments (orders \u2194 payments) PASSED: 1/1 tests passed")
assert new File(basedir, "target/segment-reports/logs/orders-db/orders-db.log").length() > 0
def forks = ["pgrep", "-f", "embedded-pg"].execute().text.trim()
assert forks.isEmpty() : "embedded PostgreSQL left running: " + forks
