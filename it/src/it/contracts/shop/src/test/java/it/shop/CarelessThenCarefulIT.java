package it.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A request the contract does not allow, then one it allows: with the double reset before each
 * test, the first request is gone from the journal by the end, and must still be caught.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CarelessThenCarefulIT {

  @Test
  @Order(1)
  void asksForAPriceWithALowerCaseSku() throws Exception {
    assertEquals(404, Http.send("pricing-double", "GET", "/prices/a-1", null).statusCode());
  }

  @Test
  @Order(2)
  void readsAPrice() throws Exception {
    assertEquals(200, Http.send("pricing-double", "GET", "/prices/A-1", null).statusCode());
  }
}
