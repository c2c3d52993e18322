package io.segmented.demo.inventory;

import java.math.BigDecimal;
import java.util.Map;

/** Prices in one currency. */
public record PriceList(String currency, Map<String, BigDecimal> prices) {

  /** The price of {@code sku}, as {@code "12.50 EUR"}. */
  public String label(String sku) {
    BigDecimal price = prices.get(sku);
    if (price == null) {
      throw new IllegalArgumentException("no price for " + sku);
    }
    return price.toPlainString() + " " + currency;
  }
}
