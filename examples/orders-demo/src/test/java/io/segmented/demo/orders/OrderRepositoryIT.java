package io.segmented.demo.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The orders ↔ orders-db boundary: the repository against a real PostgreSQL the segment started. */
class OrderRepositoryIT {

  private static Connection connection;

  @BeforeAll
  static void connect() throws Exception {
    connection =
        DriverManager.getConnection(
            System.getProperty("fixtures.orders-db.jdbc-url"),
            System.getenv("FIXTURES_ORDERS_DB_USERNAME"),
            System.getProperty("fixtures.orders-db.password"));
    try (Statement s = connection.createStatement()) {
      s.execute(Files.readString(Path.of(System.getProperty("segment.basedir"), "src/it/sql/schema.sql")));
    }
  }

  @AfterAll
  static void close() throws Exception {
    connection.close();
  }

  @Test
  void savedOrdersAreFoundBySku() throws Exception {
    OrderRepository repository = new OrderRepository(connection);
    repository.save("book-1", 2);
    repository.save("book-1", 1);
    repository.save("pen-7", 5);

    List<OrderRepository.Order> books = repository.findBySku("book-1");

    assertEquals(List.of(2, 1), books.stream().map(OrderRepository.Order::quantity).toList());
  }

  @Test
  void theDatabaseRejectsANonPositiveQuantity() {
    OrderRepository repository = new OrderRepository(connection);
    org.junit.jupiter.api.Assertions.assertThrows(
        java.sql.SQLException.class, () -> repository.save("book-1", 0));
  }
}
