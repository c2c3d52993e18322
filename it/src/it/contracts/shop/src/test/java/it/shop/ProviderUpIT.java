package it.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The real pricing service answers; what it answers the contract's examples check. */
class ProviderUpIT {

  @Test
  void answers() throws Exception {
    String fixture = System.getProperty("pricing.fixture");
    assertEquals(200, Http.send(fixture, "GET", "/health", null).statusCode());
  }
}
