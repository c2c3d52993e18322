package it.shop.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PagesIT {

  @Test
  void servesTheIndexPage() throws Exception {
    URI uri =
        URI.create(
            "http://"
                + System.getProperty("fixtures.web.host")
                + ":"
                + System.getProperty("fixtures.web.ports.8080")
                + "/index.html");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    assertNull(System.getProperty("fixtures.db.jdbc-url"));
  }
}
