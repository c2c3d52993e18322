package it.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Identity and generated columns, a partitioned table, a foreign-key cycle and an enum, on the
 * server the segment names through {@code shapes.*} (PostgreSQL or MariaDB): the first test of a
 * class starts from the seed; the second starts from the seed under {@code scope: test} and from
 * what the first left under {@code scope: class}. One connection is held throughout.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShapesIT {

  static final List<String> SEEDED_CUSTOMERS = List.of("1|ada|busy|ADA|1", "2|grace|calm|GRACE|2");
  static final List<String> CHANGED_CUSTOMERS =
      List.of("1|changed|calm|CHANGED|1", "2|grace|calm|GRACE|2", "3|linus|busy|LINUS|null");
  static final List<String> SEEDED_EVENTS = List.of("2025-05-01|spring", "2026-05-01|next spring");
  static final List<String> CHANGED_EVENTS = List.of("2026-05-01|next spring", "2026-07-01|summer");

  private static Connection connection;

  private static Connection connection() throws SQLException {
    if (connection == null) {
      connection =
          DriverManager.getConnection(
              System.getProperty("shapes.url"),
              System.getProperty("shapes.username"),
              System.getProperty("shapes.password"));
    }
    return connection;
  }

  private static List<String> rows(String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = connection().createStatement();
        ResultSet rs = s.executeQuery(query)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getString(i));
        }
        rows.add(String.join("|", row));
      }
    }
    return rows;
  }

  private static List<String> customers() throws SQLException {
    return rows("SELECT id, name, mood, shout, best_order FROM customers ORDER BY id");
  }

  private static List<String> events() throws SQLException {
    return rows("SELECT at, what FROM events ORDER BY at");
  }

  private static void assertSeeded() throws SQLException {
    assertEquals(SEEDED_CUSTOMERS, customers(), "customers");
    assertEquals(
        List.of("1|1|10", "2|2|20"), rows("SELECT id, customer, total FROM orders ORDER BY id"));
    assertEquals(SEEDED_EVENTS, events(), "events, each once");
  }

  /** Changes every table; returns the id the new customer got. */
  private static int change() throws SQLException {
    try (Statement s = connection().createStatement()) {
      s.executeUpdate(
          "INSERT INTO customers (name, mood) VALUES ('linus', 'busy')",
          Statement.RETURN_GENERATED_KEYS);
      int id;
      try (ResultSet keys = s.getGeneratedKeys()) {
        keys.next();
        id = keys.getInt(1);
      }
      s.execute("UPDATE customers SET name = 'changed', mood = 'calm' WHERE id = 1");
      s.execute("INSERT INTO orders (customer, total) VALUES (" + id + ", 30)");
      s.execute("DELETE FROM events WHERE what = 'spring'");
      s.execute("INSERT INTO events VALUES ('2026-07-01', 'summer')");
      return id;
    }
  }

  @Test
  @Order(1)
  void startsFromTheSeed() throws Exception {
    assertSeeded();
    assertEquals(3, change(), "the identity goes on where the seed left it");
  }

  @Test
  @Order(2)
  void startsFromTheSeedOrFromTheFirstTestAsTheScopeSays() throws Exception {
    if ("test".equals(System.getProperty("shapes.scope"))) {
      assertSeeded();
    } else {
      assertEquals(CHANGED_CUSTOMERS, customers());
      assertEquals(CHANGED_EVENTS, events());
    }
  }
}
