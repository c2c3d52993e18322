package it.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Runs with DOCKER_HOST naming an engine over TCP: the container fixture is published on that
 * engine's address, so the segment must hand its tests that address, not localhost. Writes the host
 * it got to target/fixture-host for verify.groovy.
 */
class RemoteEngineIT {

  @Test
  void theFixtureIsReachedAtTheEnginesAddress() throws Exception {
    String host = System.getProperty("fixtures.web.host");
    String dockerHost = System.getenv("DOCKER_HOST");
    assertTrue(
        dockerHost != null && dockerHost.startsWith("tcp://"),
        "the test JVM does not see the DOCKER_HOST of its build: " + dockerHost);
    assertEquals(URI.create(dockerHost).getHost(), host, "fixtures.web.host");
    Files.writeString(
        Path.of(System.getProperty("segment.basedir"), "target", "fixture-host"), host);

    URI index = URI.create("http://" + host + ":" + System.getProperty("fixtures.web.port") + "/");
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(index).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), index.toString());
    assertTrue(
        response.body().contains("hello from a local fixture image"),
        "not the fixture's page at " + index + ": " + response.body());
  }
}
