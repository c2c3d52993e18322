package io.segmented.engine.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The name of the snapshot database a MySQL or MariaDB restore copies back from. */
class MysqlSnapshotTest {

  @Test
  void aShortNameGetsTheSuffixAsItIs() {
    assertEquals("shop_orders_db_snapshot", MysqlSnapshot.snapshotName("shop_orders_db"));
  }

  @Test
  void aLongNameIsCutShortWithinMysqlsLimitAndStaysItsOwn() {
    // a segment's own database on a shared server is <database>_<segment>, up to 60 characters
    String one = "inventory_" + "a".repeat(46) + "_one";
    String two = "inventory_" + "a".repeat(46) + "_two";
    String oneSnapshot = MysqlSnapshot.snapshotName(one);
    assertEquals(64, oneSnapshot.length(), oneSnapshot);
    assertTrue(oneSnapshot.startsWith("inventory_aaa") && oneSnapshot.endsWith("_snapshot"));
    assertNotEquals(oneSnapshot, MysqlSnapshot.snapshotName(two), "two long names, two snapshots");
    assertEquals(oneSnapshot, MysqlSnapshot.snapshotName(one), "the same name each time");
  }
}
