package io.segmented.demo.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** How many of each item are in stock, in PostgreSQL. */
public final class StockRepository {

  private final Connection connection;

  public StockRepository(Connection connection) {
    this.connection = connection;
  }

  /** Creates the table if it is not there. */
  public void createSchema() throws SQLException {
    connection
        .createStatement()
        .execute("CREATE TABLE IF NOT EXISTS stock (sku text PRIMARY KEY, quantity int NOT NULL)");
  }

  /** Adds {@code quantity} of {@code sku}; returns the new count. */
  public int add(String sku, int quantity) throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO stock (sku, quantity) VALUES (?, ?) ON CONFLICT (sku)"
                + " DO UPDATE SET quantity = stock.quantity + EXCLUDED.quantity RETURNING quantity")) {
      upsert.setString(1, sku);
      upsert.setInt(2, quantity);
      try (ResultSet rs = upsert.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
