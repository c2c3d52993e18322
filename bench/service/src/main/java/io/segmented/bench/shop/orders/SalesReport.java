package io.segmented.bench.shop.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sales figures the back office reads: aggregate queries over orders, lines and products. */
public final class SalesReport {

  /** A product and how many units of it were sold. */
  public record ProductSales(String sku, long units, long revenueCents) {}

  private final String url;
  private final String username;
  private final String password;

  public SalesReport(String url, String username, String password) {
    this.url = url;
    this.username = username;
    this.password = password;
  }

  /** Orders per status, over the customers {@code firstCustomer..lastCustomer}. */
  public Map<OrderStatus, Long> ordersByStatus(long firstCustomer, long lastCustomer) {
    Map<OrderStatus, Long> out = new EnumMap<>(OrderStatus.class);
    query(
        "SELECT status, count(*) FROM orders WHERE customer_id BETWEEN ? AND ? GROUP BY status",
        rs -> out.put(OrderStatus.valueOf(rs.getString(1)), rs.getLong(2)),
        firstCustomer,
        lastCustomer);
    return out;
  }

  /** Revenue of shipped and paid orders of those customers, in cents. */
  public long revenueCents(long firstCustomer, long lastCustomer) {
    long[] sum = new long[1];
    query(
        "SELECT coalesce(sum(l.quantity * l.unit_price_cents), 0) FROM orders o"
            + " JOIN order_line l ON l.order_id = o.id"
            + " WHERE o.status IN ('PAID', 'SHIPPED') AND o.customer_id BETWEEN ? AND ?",
        rs -> sum[0] = rs.getLong(1),
        firstCustomer,
        lastCustomer);
    return sum[0];
  }

  /** The best-selling products by units of non-cancelled orders of those customers, ties by SKU. */
  public List<ProductSales> topProducts(int limit, long firstCustomer, long lastCustomer) {
    List<ProductSales> out = new ArrayList<>();
    query(
        "SELECT l.sku, sum(l.quantity), sum(l.quantity * l.unit_price_cents) FROM orders o"
            + " JOIN order_line l ON l.order_id = o.id"
            + " WHERE o.status <> 'CANCELLED' AND o.customer_id BETWEEN ? AND ?"
            + " GROUP BY l.sku ORDER BY sum(l.quantity) DESC, l.sku LIMIT ?",
        rs -> out.add(new ProductSales(rs.getString(1), rs.getLong(2), rs.getLong(3))),
        firstCustomer,
        lastCustomer,
        limit);
    return out;
  }

  /** Revenue per product category (paid and shipped orders of those customers), largest first. */
  public Map<String, Long> revenueByCategory(long firstCustomer, long lastCustomer) {
    Map<String, Long> out = new LinkedHashMap<>();
    query(
        "SELECT p.category, sum(l.quantity * l.unit_price_cents) AS revenue FROM orders o"
            + " JOIN order_line l ON l.order_id = o.id JOIN product p ON p.sku = l.sku"
            + " WHERE o.status IN ('PAID', 'SHIPPED') AND o.customer_id BETWEEN ? AND ?"
            + " GROUP BY p.category ORDER BY revenue DESC",
        rs -> out.put(rs.getString(1), rs.getLong(2)),
        firstCustomer,
        lastCustomer);
    return out;
  }

  /** Customers per country among those customers. */
  public Map<String, Long> customersByCountry(long firstCustomer, long lastCustomer) {
    Map<String, Long> out = new LinkedHashMap<>();
    query(
        "SELECT country, count(*) FROM customer WHERE id BETWEEN ? AND ?"
            + " GROUP BY country ORDER BY country",
        rs -> out.put(rs.getString(1), rs.getLong(2)),
        firstCustomer,
        lastCustomer);
    return out;
  }

  /** The customer who spent most (paid and shipped orders) among those customers. */
  public long bestCustomer(long firstCustomer, long lastCustomer) {
    long[] id = {-1};
    query(
        "SELECT o.customer_id FROM orders o JOIN order_line l ON l.order_id = o.id"
            + " WHERE o.status IN ('PAID', 'SHIPPED') AND o.customer_id BETWEEN ? AND ?"
            + " GROUP BY o.customer_id ORDER BY sum(l.quantity * l.unit_price_cents) DESC,"
            + " o.customer_id LIMIT 1",
        rs -> id[0] = rs.getLong(1),
        firstCustomer,
        lastCustomer);
    return id[0];
  }

  /** Average order value in cents (non-cancelled orders of those customers), rounded down. */
  public long averageOrderCents(long firstCustomer, long lastCustomer) {
    long[] avg = new long[1];
    query(
        "SELECT floor(avg(t.total)) FROM (SELECT sum(l.quantity * l.unit_price_cents) AS total"
            + " FROM orders o JOIN order_line l ON l.order_id = o.id"
            + " WHERE o.status <> 'CANCELLED' AND o.customer_id BETWEEN ? AND ? GROUP BY o.id) t",
        rs -> avg[0] = rs.getLong(1),
        firstCustomer,
        lastCustomer);
    return avg[0];
  }

  private interface Row {
    void accept(ResultSet rs) throws SQLException;
  }

  private void query(String sql, Row row, Object... params) {
    try (Connection c = DriverManager.getConnection(url, username, password);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          row.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new RepositoryException("report query failed", e);
    }
  }
}
