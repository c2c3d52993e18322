package io.segmented.bench.shop.stock;

import java.time.Instant;
import java.util.Map;

/** Units of one SKU per warehouse, as the stock feed last published them. */
public record StockLevel(
    String sku, Map<String, Integer> levels, Instant updatedAt, int reorderPoint) {

  public StockLevel {
    levels = Map.copyOf(levels);
  }

  public int total() {
    return levels.values().stream().mapToInt(Integer::intValue).sum();
  }

  public boolean needsReorder() {
    return total() < reorderPoint;
  }
}
