package it.shop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the pricing fixture this segment names in the system property pricing.fixture. */
final class Http {

  static HttpResponse<String> send(String fixture, String method, String path, String json)
      throws Exception {
    String host = System.getProperty("fixtures." + fixture + ".host");
    String port = System.getProperty("fixtures." + fixture + ".port");
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private Http() {}
}
