package io.segmented.bench.shop.stock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.bench.shop.Fixtures;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stock client against the stock service's feed (static JSON from src/it/www behind an HTTP
 * server). The last boundary: bench/run's time-to-first-failure mode makes one of these fail.
 */
class StockClientIT {

  private static StockClient client;

  @BeforeAll
  static void connect() {
    client =
        new StockClient(
            Fixtures.attr("stock", "host"), Integer.parseInt(Fixtures.attr("stock", "port")));
  }

  @Test
  void listsThePublishedSkus() {
    List<String> skus = client.skus();
    assertEquals(10, skus.size());
    assertEquals("SKU-001", skus.get(0));
  }

  @Test
  void readsTheLevelsPerWarehouse() {
    StockLevel level = client.level("SKU-001").orElseThrow();
    assertEquals(Map.of("BER", 7, "PAR", 12, "AMS", 4), level.levels());
    assertEquals(23, level.total());
  }

  @Test
  void readsWhenTheFeedWasUpdated() {
    assertEquals(
        Instant.parse("2025-06-02T08:00:00Z"), client.level("SKU-001").orElseThrow().updatedAt());
  }

  @Test
  void anUnpublishedSkuIsEmpty() {
    assertEquals(Optional.empty(), client.level("SKU-999"));
  }

  @Test
  void aSoldOutSkuNeedsReordering() {
    StockLevel level = client.level("SKU-004").orElseThrow();
    assertEquals(0, level.total());
    assertTrue(level.needsReorder());
  }

  @Test
  void aWellStockedSkuDoesNot() {
    assertFalse(client.level("SKU-009").orElseThrow().needsReorder());
  }

  @Test
  void shipsFromTheWarehouseWithMostUnits() {
    assertEquals(Optional.of("PAR"), client.warehouseFor("SKU-001", 3));
    assertEquals(Optional.of("BER"), client.warehouseFor("SKU-007", 1));
  }

  @Test
  void findsNoWarehouseForTooLargeAQuantity() {
    assertEquals(Optional.empty(), client.warehouseFor("SKU-001", 13));
    assertEquals(Optional.empty(), client.warehouseFor("SKU-004", 1));
  }

  @Test
  void namesTheWarehouses() {
    assertEquals(Map.of("BER", "Berlin", "PAR", "Paris", "AMS", "Amsterdam"), client.warehouses());
  }

  @Test
  void everyPublishedSkuHasLevelsInEveryWarehouse() {
    int total = 0;
    for (String sku : client.skus()) {
      StockLevel level = client.level(sku).orElseThrow();
      assertEquals(client.warehouses().keySet(), level.levels().keySet(), sku);
      total += level.total();
    }
    // Set by bench/run's time-to-first-failure mode (-Dbench.fail=true): the failure it waits for.
    assertEquals(Fixtures.failOnPurpose() ? -1 : 153, total, "units in stock over all SKUs");
  }
}
