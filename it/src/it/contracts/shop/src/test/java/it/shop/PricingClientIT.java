package it.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The shop's pricing client, against a double: only requests the contract allows. */
class PricingClientIT {

  private final String fixture = System.getProperty("pricing.fixture");

  @Test
  void readsAPrice() throws Exception {
    assertEquals(200, Http.send(fixture, "GET", "/prices/A-1", null).statusCode());
  }

  @Test
  void asksForAQuote() throws Exception {
    assertEquals(
        201,
        Http.send(fixture, "POST", "/quotes", "{\"sku\": \"A-1\", \"quantity\": 2}").statusCode());
  }
}
