package it.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.RepeatedTest;

/**
 * 100 restores under one held connection: each test starts from the seed, with no request journal.
 */
class EveryTestIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RepeatedTest(100)
  void startsFromTheSeedEveryTime() throws Exception {
    assertEquals(2, Db.count("SELECT count(*) FROM orders"));
    assertEquals(3, Db.insertOrder());
    assertTrue(get("/__admin/requests").contains("\"requests\" : [ ]"), "the journal is empty");
    assertEquals("pong", get("/ping"));
    HTTP.send(
        HttpRequest.newBuilder(URI.create(url("/__admin/mappings")))
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"request\":{\"url\":\"/added\"},\"response\":{\"status\":200}}"))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    assertTrue(get("/__admin/mappings").contains("\"total\" : 2"), "the added stub is there");
  }

  private static String url(String path) {
    return System.getProperty("fixtures.stubs.url") + path;
  }

  private static String get(String path) throws Exception {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url(path))).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
