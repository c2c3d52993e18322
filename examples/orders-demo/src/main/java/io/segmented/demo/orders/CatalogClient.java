package io.segmented.demo.orders;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Looks items up in the catalogue service. */
public final class CatalogClient {

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  public CatalogClient(URI base) {
    this.base = base;
  }

  /** The catalogue's JSON for a SKU, or empty when the catalogue does not know it. */
  public Optional<String> item(String sku) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(base.resolve("/items/" + sku)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? Optional.of(response.body().strip()) : Optional.empty();
  }
}
