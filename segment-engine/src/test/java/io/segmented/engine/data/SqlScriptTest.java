package io.segmented.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void statementsAreCutAtSemicolonsOutsideQuotesAndCommentsWithTheirLines() {
    String script =
        "-- a comment; not a statement\n"
            + "CREATE TABLE t (note VARCHAR(40));\n"
            + "\n"
            + "INSERT INTO t VALUES ('one; two'), ('it''s'), (\"a;b\");\n"
            + "/* a block\n"
            + "   comment; */ INSERT INTO `odd;name` VALUES ('esc\\';');\n"
            + "SELECT 1";
    assertEquals(
        List.of(
            new SqlScript.Statement(2, "CREATE TABLE t (note VARCHAR(40))"),
            new SqlScript.Statement(4, "INSERT INTO t VALUES ('one; two'), ('it''s'), (\"a;b\")"),
            new SqlScript.Statement(6, "INSERT INTO `odd;name` VALUES ('esc\\';')"),
            new SqlScript.Statement(7, "SELECT 1")),
        SqlScript.split(script));
  }
}
