package io.segmented.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The notes that a template's seeds ran to the end, as each dialect leaves and removes them. */
class SqlDialectTest {

  @Test
  void postgresNotesItOnTheDatabaseItselfSoNothingOutlivesIt() {
    assertEquals(
        Optional.of("COMMENT ON DATABASE \"shop_seeded_0123456789\" IS 'io.segmented: seeded'"),
        SqlDialect.POSTGRES.markSeeded("shop_seeded_0123456789"));
    assertEquals(Optional.empty(), SqlDialect.POSTGRES.unmarkSeeded("shop_seeded_0123456789"));
  }

  @Test
  void mysqlNotesItWithAnEmptyDatabaseBesideItThatIsRemovedBeforeTheTemplateIsMadeAgain() {
    assertEquals(
        Optional.of("CREATE DATABASE IF NOT EXISTS `shop_seeded_0123456789_seeded`"),
        SqlDialect.MYSQL.markSeeded("shop_seeded_0123456789"));
    assertEquals(
        Optional.of("DROP DATABASE IF EXISTS `shop_seeded_0123456789_seeded`"),
        SqlDialect.MYSQL.unmarkSeeded("shop_seeded_0123456789"));
  }

  @Test
  void aLongTemplatesNoteStaysWithinMysqlsLimitAndItsOwn() {
    // a template's name is up to 60 characters (OwnData.SqlDatabase.name)
    String one = "inventory_" + "a".repeat(40) + "_seeded_01";
    String two = "inventory_" + "a".repeat(40) + "_seeded_02";
    assertEquals(60, one.length());
    String mark = SqlDialect.seededMark(one);
    assertEquals(64, mark.length(), mark);
    assertTrue(mark.startsWith("inventory_aaa") && mark.endsWith("_seeded"), mark);
    assertNotEquals(mark, SqlDialect.seededMark(two), "two templates, two notes");
    assertEquals(mark, SqlDialect.seededMark(one), "the same note each time");
  }
}
