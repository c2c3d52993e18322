package it.wm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class CatalogIT {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI at(String path) {
    return URI.create(System.getProperty("fixtures.catalog.url") + path);
  }

  @Test
  void aStubServesItsBodyFileFromTheFilesFolder() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(at("/books/42")));
    assertEquals(200, response.statusCode());
    assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
    assertEquals(
        "{\"id\":42,\"title\":\"The Hitchhiker's Guide to the Galaxy\",\"priceCents\":1200}\n",
        response.body());
  }

  @Test
  void requestsAreMatchedOnHeadersAndBody() throws Exception {
    HttpResponse<String> created =
        send(
            HttpRequest.newBuilder(at("/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"book-42\",\"quantity\":1}")));
    assertEquals(201, created.statusCode());
    assertEquals("/orders/7", created.headers().firstValue("Location").orElseThrow());
    assertEquals("order 7 for book-42", created.body());

    HttpResponse<String> unmatched =
        send(
            HttpRequest.newBuilder(at("/orders"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"sku\":\"book-13\"}")));
    assertEquals(404, unmatched.statusCode());
    assertTrue(unmatched.body().contains("Request was not matched"), unmatched.body());
  }
}
