package it.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FlakyIT {

  private static final Path MARK =
      Path.of(System.getProperty("segment.basedir"), "target", "failed-once");

  /** Fails when it has not failed before, passes (and forgets) when it has: flaky by design. */
  @Test
  void failsOnItsFirstAttemptOnly() throws Exception {
    Files.writeString(
        Path.of(System.getProperty("segment.basedir"), "target", "web-port-" + System.nanoTime()),
        System.getProperty("fixtures.web.port"));
    assertEquals(200, get("/index.html"));
    if (Files.deleteIfExists(MARK)) {
      return;
    }
    Files.createDirectories(MARK.getParent());
    Files.createFile(MARK);
    fail("first attempt fails on purpose");
  }

  /** Passes every time: a retry must not run it again. */
  @Test
  void alwaysPasses() throws Exception {
    Files.writeString(
        Path.of(System.getProperty("segment.basedir"), "target", "steady-" + System.nanoTime()),
        "ran");
  }

  private static int get(String path) throws Exception {
    HttpResponse<Void> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://"
                                + System.getProperty("fixtures.web.host")
                                + ":"
                                + System.getProperty("fixtures.web.port")
                                + path))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
    return response.statusCode();
  }
}
