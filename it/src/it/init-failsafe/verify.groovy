import groovy.json.JsonSlurper

def log = new File(basedir, "build.log").text
def manifest = new File(basedir, "segments.yaml")

// segment:init wrote the manifest from failsafe's configuration and the compiled tests
assert log.contains("Wrote " + manifest + ": 2 segment(s) for 2 integration test class(es), 2 image(s) offered as fixtures.")
def yaml = manifest.text
assert yaml.startsWith("# Written by `mvn segment:init` from what this module already declares. It found:\n")
assert yaml.contains("#   - maven-failsafe-plugin's configuration: 3 system properties, 1 environment variable, 1 JVM argument from <argLine> and 1 JUnit configuration parameter, now under 'defaults'\n")
// the POM's own ${it.image.postgres}, not this build's value of it
assert yaml.contains('    shop.postgres.image: "${it.image.postgres}"\n')
assert yaml.contains('    shop.region: "eu-west"\n')
assert yaml.contains('  jvmArgs: ["-Dshop.argline=from-argLine"]   # failsafe\'s <argLine>\n')
assert yaml.contains('    junit.jupiter.extensions.autodetection.enabled: "true"\n')
assert yaml.contains('    SHOP_MODE: "integration"\n')
// the images the tests name, offered as commented fixtures; the singleton's is found through the class that holds it
assert yaml.contains('#   postgres:   # named by it.shop.db.OrdersIT\n#     postgres: {image: "postgres:16-alpine"}\n')
assert yaml.contains('#   redis:   # named by it.shop.cache.CacheIT\n#     redis: {image: "redis:7"}\n')
assert yaml.contains('''  db:
    description: "the integration tests of package it.shop.db"
    boundary:
      between: [db, postgres]
      tests:
        classes: ["it.shop.db.*IT"]
    fixtures: []   # its tests start their own; once the manifest does: [postgres]
''')

// segment:run passed with the manifest as written: the containers the tests start, the properties, the environment,
// the argLine and the autodetected extension all reached the tests (Settings.check fails every test otherwise)
assert log.contains("\u2714 cache (cache \u2194 redis) PASSED: 1/1 tests passed")
assert log.contains("\u2714 db (db \u2194 postgres) PASSED: 2/2 tests passed")
assert log.contains("Segments: 2, failed: 0; tests: 3, failures: 0, errors: 0, skipped: 0")
def results = new JsonSlurper().parse(new File(basedir, "target/segment-reports/segment-results.json"))
assert results.segments*.outcome == ["PASSED", "PASSED"]
// the unit test beside them ran in no segment, and failsafe ran nothing
assert !new File(basedir, "target/segment-reports").listFiles().any { it.name.contains("PriceTest") }
assert !new File(basedir, "target/failsafe-reports").exists()

// segment:validate: the manifest is valid, every IT is in one segment, and failsafe, still bound, would run them again
assert log.contains("segments.yaml: 2 segment(s), 0 fixture(s)")
assert log.contains("[WARNING] segments.yaml: maven-failsafe-plugin is bound too and runs 2 classes that segments select (it.shop.cache.CacheIT, it.shop.db.OrdersIT), so `mvn verify` runs them twice. Remove failsafe's <execution>, set <skipITs>true</skipITs> in its <configuration>, or exclude these classes in its <excludes>")
assert !log.contains("belongs to no segment")
