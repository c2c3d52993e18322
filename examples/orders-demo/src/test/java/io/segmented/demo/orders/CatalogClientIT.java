package io.segmented.demo.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The orders ↔ catalog boundary: the HTTP client against a real HTTP server the segment started. */
class CatalogClientIT {

  private final CatalogClient client =
      new CatalogClient(
          URI.create(
              "http://"
                  + System.getProperty("fixtures.catalog.host")
                  + ":"
                  + System.getenv("FIXTURES_CATALOG_PORT")));

  @Test
  void knownItemsComeBackAsJson() throws Exception {
    String item = client.item("book-1").orElseThrow();
    assertTrue(item.contains("\"priceCents\":3900"), item);
  }

  @Test
  void unknownItemsAreEmpty() throws Exception {
    assertEquals(java.util.Optional.empty(), client.item("no-such-sku"));
  }
}
