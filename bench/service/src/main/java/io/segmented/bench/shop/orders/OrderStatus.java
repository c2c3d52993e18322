package io.segmented.bench.shop.orders;

/** Where an order is in its life; the database checks the same set. */
public enum OrderStatus {
  NEW,
  PAID,
  SHIPPED,
  CANCELLED
}
