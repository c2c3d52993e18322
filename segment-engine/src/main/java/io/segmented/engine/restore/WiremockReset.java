package io.segmented.engine.restore;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * WireMock back to its mappings as the manifest's folder has them: its admin reset drops stubs the
 * tests added, resets scenarios and clears the request journal.
 */
final class WiremockReset implements Restorer {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI reset;
  private final Restores.BeforeRestore before;

  WiremockReset(String url, Restores.BeforeRestore before) {
    this.reset = URI.create(url + "/__admin/reset");
    this.before = before;
  }

  @Override
  public void snapshot() {}

  @Override
  public void restore() throws Exception {
    before.run();
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(reset)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(
          "POST " + reset + " answered " + response.statusCode() + ": " + response.body());
    }
  }

  @Override
  public void close() {}
}
