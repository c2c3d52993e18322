package io.segmented.bench.shop.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders and customers in PostgreSQL, through plain JDBC. */
public final class OrderRepository {

  private final String url;
  private final String username;
  private final String password;

  public OrderRepository(String url, String username, String password) {
    this.url = url;
    this.username = username;
    this.password = password;
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(url, username, password);
  }

  /** Registers a customer and returns the new id. */
  public long createCustomer(String email, String name, String country) {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO customer (email, name, country) VALUES (?, ?, ?) RETURNING id")) {
      ps.setString(1, email);
      ps.setString(2, name);
      ps.setString(3, country);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new RepositoryException("could not create customer " + email, e);
    }
  }

  /**
   * Places an order with its lines in one transaction; a line with an unknown SKU rolls it all
   * back.
   */
  public long place(long customerId, List<OrderLine> lines) {
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an order needs at least one line");
    }
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        long id;
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO orders (customer_id, status) VALUES (?, 'NEW') RETURNING id")) {
          ps.setLong(1, customerId);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
          }
        }
        try (PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO order_line (order_id, line_no, sku, quantity, unit_price_cents)"
                    + " VALUES (?, ?, ?, ?, ?)")) {
          int no = 1;
          for (OrderLine line : lines) {
            ps.setLong(1, id);
            ps.setInt(2, no++);
            ps.setString(3, line.sku());
            ps.setInt(4, line.quantity());
            ps.setInt(5, line.unitPriceCents());
            ps.addBatch();
          }
          ps.executeBatch();
        }
        c.commit();
        return id;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new RepositoryException("could not place an order for customer " + customerId, e);
    }
  }

  public Optional<Order> find(long id) {
    try (Connection c = connect()) {
      return load(c, "o.id = ?", id).stream().findFirst();
    } catch (SQLException e) {
      throw new RepositoryException("could not read order " + id, e);
    }
  }

  /** The customer's orders, newest first. */
  public List<Order> ofCustomer(long customerId) {
    try (Connection c = connect()) {
      return load(c, "o.customer_id = ?", customerId);
    } catch (SQLException e) {
      throw new RepositoryException("could not read the orders of customer " + customerId, e);
    }
  }

  /**
   * Moves an order to a new status if nobody changed it since {@code expectedVersion}.
   *
   * @return false when the order changed meanwhile (or does not exist)
   */
  public boolean changeStatus(long id, int expectedVersion, OrderStatus status) {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE orders SET status = ?, version = version + 1 WHERE id = ? AND version ="
                    + " ?")) {
      ps.setString(1, status.name());
      ps.setLong(2, id);
      ps.setInt(3, expectedVersion);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new RepositoryException("could not change the status of order " + id, e);
    }
  }

  /** Deletes an order that was never paid; its lines go with it. */
  public boolean deleteUnpaid(long id) {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM orders WHERE id = ? AND status IN ('NEW', 'CANCELLED')")) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new RepositoryException("could not delete order " + id, e);
    }
  }

  private static List<Order> load(Connection c, String where, long param) throws SQLException {
    String sql =
        "SELECT o.id, o.customer_id, o.status, o.placed_at, o.version, l.sku, l.quantity,"
            + " l.unit_price_cents FROM orders o LEFT JOIN order_line l ON l.order_id = o.id WHERE "
            + where
            + " ORDER BY o.placed_at DESC, o.id DESC, l.line_no";
    Map<Long, Order> byId = new LinkedHashMap<>();
    Map<Long, List<OrderLine>> lines = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, param);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          List<OrderLine> own = lines.computeIfAbsent(id, k -> new ArrayList<>());
          byId.computeIfAbsent(
              id,
              k -> {
                try {
                  return new Order(
                      k,
                      rs.getLong(2),
                      OrderStatus.valueOf(rs.getString(3)),
                      rs.getTimestamp(4).toInstant(),
                      rs.getInt(5),
                      List.of());
                } catch (SQLException e) {
                  throw new RepositoryException("could not read order " + k, e);
                }
              });
          if (rs.getString(6) != null) {
            own.add(new OrderLine(rs.getString(6), rs.getInt(7), rs.getInt(8)));
          }
        }
      }
    }
    List<Order> out = new ArrayList<>();
    byId.forEach(
        (id, o) ->
            out.add(
                new Order(
                    o.id(), o.customerId(), o.status(), o.placedAt(), o.version(), lines.get(id))));
    return out;
  }
}
