package it.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Either class may run first: each expects exactly the seeded state, then leaves a mess. */
class FirstClassIT {

  @Test
  void startsFromTheSeedAndLeavesAMess() throws Exception {
    assertEquals(2, Db.count("SELECT count(*) FROM orders"));
    assertEquals(
        0, Db.count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'scratch'"));
    assertEquals(":0", Redis.command("DBSIZE"));
    assertEquals(3, Db.insertOrder(), "the sequence is back at its seeded value");
    try (Statement s = Db.connection().createStatement()) {
      s.execute("CREATE TABLE scratch (x INT)");
      s.execute("DELETE FROM orders WHERE id = 1");
    }
    assertEquals("+OK", Redis.command("SET left-by first"));
  }
}
