package it.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A client whose quote request sends a quantity of 0, which the contract does not allow. */
class CarelessClientIT {

  @Test
  void asksForAQuoteOfNothing() throws Exception {
    assertEquals(
        201,
        Http.send(
                System.getProperty("pricing.fixture", "pricing-double"),
                "POST",
                "/quotes",
                "{\"sku\": \"A-1\", \"quantity\": 0}")
            .statusCode());
  }
}
