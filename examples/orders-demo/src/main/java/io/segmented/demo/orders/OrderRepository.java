package io.segmented.demo.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Stores orders in PostgreSQL. */
public final class OrderRepository {

  /** An order line. */
  public record Order(long id, String sku, int quantity) {}

  private final Connection connection;

  public OrderRepository(Connection connection) {
    this.connection = connection;
  }

  /** Saves an order and returns it with its id. */
  public Order save(String sku, int quantity) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO orders (sku, quantity) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, sku);
      insert.setInt(2, quantity);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new Order(keys.getLong(1), sku, quantity);
      }
    }
  }

  /** Every order of a SKU, oldest first. */
  public List<Order> findBySku(String sku) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT id, sku, quantity FROM orders WHERE sku = ? ORDER BY id")) {
      query.setString(1, sku);
      List<Order> out = new ArrayList<>();
      try (ResultSet rs = query.executeQuery()) {
        while (rs.next()) {
          out.add(new Order(rs.getLong(1), rs.getString(2), rs.getInt(3)));
        }
      }
      return out;
    }
  }
}
