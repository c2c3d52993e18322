package io.segmented.bench.shop.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the stock service's feed: static JSON documents, one per SKU, and the warehouses. */
public final class StockClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final URI base;

  public StockClient(String host, int port) {
    this.base = URI.create("http://" + host + ":" + port + "/");
  }

  /** The SKUs the feed publishes. */
  public List<String> skus() {
    List<String> out = new ArrayList<>();
    fetch("stock/index.json").orElseThrow().path("skus").forEach(n -> out.add(n.asText()));
    return out;
  }

  public Optional<StockLevel> level(String sku) {
    return fetch("stock/" + sku + ".json").map(StockClient::toLevel);
  }

  /** Warehouse codes to their city. */
  public Map<String, String> warehouses() {
    Map<String, String> out = new LinkedHashMap<>();
    fetch("warehouses.json")
        .orElseThrow()
        .path("warehouses")
        .forEach(w -> out.put(w.path("code").asText(), w.path("city").asText()));
    return out;
  }

  /** The warehouse with most units of the SKU that can ship {@code quantity}, if any. */
  public Optional<String> warehouseFor(String sku, int quantity) {
    return level(sku)
        .flatMap(
            l ->
                l.levels().entrySet().stream()
                    .filter(e -> e.getValue() >= quantity)
                    .max(
                        Map.Entry.<String, Integer>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey));
  }

  private static StockLevel toLevel(JsonNode n) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    n.path("levels").fields().forEachRemaining(e -> levels.put(e.getKey(), e.getValue().asInt()));
    return new StockLevel(
        n.path("sku").asText(),
        levels,
        Instant.parse(n.path("updatedAt").asText()),
        n.path("reorderPoint").asInt());
  }

  private Optional<JsonNode> fetch(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 404) {
        return Optional.empty();
      }
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "stock feed answered " + r.statusCode() + " for " + request.uri());
      }
      return Optional.of(JSON.readTree(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException("stock feed unreachable at " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
