package io.segmented.bench.shop.orders;

import java.time.Instant;
import java.util.List;

/** An order as stored: its lines in line order, and the version used for optimistic locking. */
public record Order(
    long id,
    long customerId,
    OrderStatus status,
    Instant placedAt,
    int version,
    List<OrderLine> lines) {

  public Order {
    lines = List.copyOf(lines);
  }

  public long totalCents() {
    return lines.stream().mapToLong(OrderLine::totalCents).sum();
  }
}
