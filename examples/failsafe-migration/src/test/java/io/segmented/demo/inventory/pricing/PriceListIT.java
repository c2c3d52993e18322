package io.segmented.demo.inventory.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.demo.inventory.PriceList;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

class PriceListIT {

  @Test
  void labels_carry_the_configured_currency() {
    // inventory.currency comes from failsafe's <systemPropertyVariables>
    PriceList prices =
        new PriceList(
            System.getProperty("inventory.currency"), Map.of("book-1", new BigDecimal("12.50")));
    assertEquals("12.50 EUR", prices.label("book-1"));
  }

  @Test
  void display_names_come_from_the_configured_generator(TestInfo info) {
    // failsafe's configuration parameter junit.jupiter.displayname.generator.default
    assertTrue(
        info.getDisplayName().startsWith("display names come from the configured generator"),
        info.getDisplayName());
  }
}
