package io.segmented.bench.shop.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue service's client: products by SKU and by category, reservations. Retries a 503
 * once; a 404 is an empty answer; other errors and timeouts are {@link CatalogException}s.
 */
public final class CatalogClient {

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final HttpClient http;
  private final URI base;
  private final String apiKey;
  private final Duration timeout;

  public CatalogClient(String baseUrl, String apiKey, Duration timeout) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
    this.apiKey = apiKey;
    this.timeout = timeout;
  }

  public Optional<Product> product(String sku) {
    return product(sku, "en");
  }

  public Optional<Product> product(String sku, String language) {
    HttpResponse<String> r = send(get("products/" + sku).header("Accept-Language", language));
    if (r.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(parse(r.body(), Product.class));
  }

  public List<Product> byCategory(String category) {
    HttpResponse<String> r = send(get("products?category=" + category));
    try {
      JsonNode items = JSON.readTree(r.body()).path("items");
      List<Product> out = new ArrayList<>();
      for (JsonNode n : items) {
        out.add(JSON.treeToValue(n, Product.class));
      }
      return out;
    } catch (IOException e) {
      throw new CatalogException("unreadable category " + category + ": " + e.getMessage(), 200, e);
    }
  }

  /** Holds stock for an order line; returns the reservation id. */
  public String reserve(String sku, int quantity) {
    String body;
    try {
      body = JSON.writeValueAsString(Map.of("sku", sku, "quantity", quantity));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpResponse<String> r =
        send(
            request("reservations")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    return parse(r.body(), JsonNode.class).path("id").asText();
  }

  private HttpRequest.Builder get(String path) {
    return request(path).GET();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(timeout)
        .header("Accept", "application/json")
        .header("X-Api-Key", apiKey);
  }

  private HttpResponse<String> send(HttpRequest.Builder builder) {
    HttpRequest request = builder.build();
    for (int attempt = 1; ; attempt++) {
      HttpResponse<String> r;
      try {
        r = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (HttpTimeoutException e) {
        throw new CatalogException(
            "catalogue did not answer " + request.uri() + " in " + timeout, 0, e);
      } catch (IOException e) {
        throw new CatalogException("catalogue unreachable at " + request.uri(), 0, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CatalogException("interrupted", 0, e);
      }
      if (r.statusCode() == 503 && attempt == 1) {
        continue;
      }
      if (r.statusCode() >= 400 && r.statusCode() != 404) {
        throw new CatalogException(
            "catalogue answered "
                + r.statusCode()
                + " to "
                + request.method()
                + " "
                + request.uri()
                + ": "
                + r.body(),
            r.statusCode(),
            null);
      }
      return r;
    }
  }

  private static <T> T parse(String body, Class<T> type) {
    try {
      return JSON.readValue(body, type);
    } catch (IOException e) {
      throw new CatalogException("unreadable answer: " + e.getMessage(), 200, e);
    }
  }
}
