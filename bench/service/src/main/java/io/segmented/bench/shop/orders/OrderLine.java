package io.segmented.bench.shop.orders;

/** One line of an order: the price is the one the customer saw when ordering. */
public record OrderLine(String sku, int quantity, int unitPriceCents) {

  public OrderLine {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive, was " + quantity);
    }
  }

  public long totalCents() {
    return (long) quantity * unitPriceCents;
  }
}
