package io.segmented.bench.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.segmented.bench.shop.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The catalogue client against a WireMock double of the catalogue (src/it/wiremock). */
class CatalogClientIT {

  private static CatalogClient client;

  @BeforeAll
  static void connect() {
    client = new CatalogClient(Fixtures.attr("catalog", "url"), "bench-key", Duration.ofSeconds(1));
  }

  @Test
  void readsAProduct() {
    assertEquals(
        Optional.of(new Product("SKU-001", "Product 1", "games", 625, List.of("t1"))),
        client.product("SKU-001"));
  }

  @Test
  void readsEveryStubbedProduct() {
    for (int i = 1; i <= 12; i++) {
      String sku = String.format("SKU-%03d", i);
      Product p = client.product(sku).orElseThrow();
      assertEquals(500 + i * 125L, p.priceCents(), sku);
    }
  }

  @Test
  void anUnknownProductIsEmpty() {
    assertEquals(Optional.empty(), client.product("SKU-404"));
  }

  @Test
  void aServerErrorSaysWhat() {
    CatalogException e = assertThrows(CatalogException.class, () -> client.product("SKU-500"));
    assertEquals(500, e.status());
    assertTrue(e.getMessage().contains("upstream exploded"), e.getMessage());
  }

  @Test
  void aSlowAnswerTimesOut() {
    CatalogException e = assertThrows(CatalogException.class, () -> client.product("SKU-SLOW"));
    assertEquals(0, e.status());
  }

  @Test
  void retriesAnUnavailableServiceOnce() {
    assertEquals("Recovered", client.product("SKU-RETRY").orElseThrow().title());
  }

  @Test
  void asksForTheTitleInTheCustomersLanguage() {
    assertEquals("Produkt 2", client.product("SKU-002", "de").orElseThrow().title());
    assertEquals("Product 2", client.product("SKU-002", "en").orElseThrow().title());
  }

  @Test
  void listsACategory() {
    List<Product> books = client.byCategory("books");
    assertEquals(
        List.of("SKU-003", "SKU-006", "SKU-009", "SKU-012"),
        books.stream().map(Product::sku).toList());
  }

  @Test
  void reservesStock() {
    assertEquals("r-1", client.reserve("SKU-001", 2));
  }

  @Test
  void aWrongApiKeyIsRefused() {
    CatalogClient intruder =
        new CatalogClient(Fixtures.attr("catalog", "url"), "wrong", Duration.ofSeconds(1));
    CatalogException e = assertThrows(CatalogException.class, () -> intruder.product("SKU-001"));
    assertEquals(401, e.status());
  }
}
