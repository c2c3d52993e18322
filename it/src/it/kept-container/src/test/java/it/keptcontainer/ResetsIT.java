package it.keptcontainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Reads, over HTTP, the lines the segment's reset command has appended in the web container so far,
 * and leaves their count in target/resets-seen for verify.groovy: one per build on a container that
 * is kept and leased again.
 */
class ResetsIT {

  @Test
  void readsHowOftenTheResetRanInThisContainer() throws Exception {
    URI uri =
        URI.create(
            "http://"
                + System.getProperty("fixtures.web.host")
                + ":"
                + System.getProperty("fixtures.web.ports.8080")
                + "/resets.txt");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), "no reset has run in the container");
    long resets = response.body().lines().filter("reset"::equals).count();
    Path target = Path.of(System.getProperty("segment.basedir"), "target");
    Files.writeString(target.resolve("resets-seen"), String.valueOf(resets));
  }
}
