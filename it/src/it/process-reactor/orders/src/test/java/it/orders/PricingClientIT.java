package it.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PricingClientIT {

  @Test
  void asksTheRealPricingServiceItsSiblingModuleBuilt() throws Exception {
    String port = System.getProperty("fixtures.pricing.ports.http");
    assertEquals(port, System.getenv("FIXTURES_PRICING_PORT"));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/price/book-1"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals("3900 EUR", response.body());
  }
}
