package io.segmented.engine.change;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathGlobTest {

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @CsvSource({
    "src/main/java/**, src/main/java/a/A.java, true",
    "src/main/java/**, src/main/java/A.java, true",
    "src/main/java/**, src/main/javax/A.java, false",
    "src/main/java/**, src/main/java, false",
    "src/*.sql, src/a.sql, true",
    "src/*.sql, src/db/a.sql, false",
    "src/**/*.sql, src/a.sql, true",
    "src/**/*.sql, src/db/v1/a.sql, true",
    "src/**/*.sql, src/db/a.sql.bak, false",
    "**/*.sql, a.sql, true",
    "**/*.sql, db/a.sql, true",
    "pom.xml, pom.xml, true",
    "pom.xml, sub/pom.xml, false",
    "./contracts/api.yaml, contracts/api.yaml, true",
    "src/?.java, src/A.java, true",
    "src/?.java, src/AB.java, false",
    "src/?/A.java, src///A.java, false",
    "'src/main/{java,resources}/**', src/main/resources/db/x.sql, true",
    "'src/main/{java,resources}/**', src/main/kotlin/X.kt, false",
    "a{b, a{b, true",
    "a.b, axb, false",
    "src/(x)+, src/(x)+, true",
  })
  void matches(String glob, String path, boolean expected) {
    assertEquals(expected, new PathGlob(glob).matches(path), PathGlob.toRegex(glob));
  }
}
