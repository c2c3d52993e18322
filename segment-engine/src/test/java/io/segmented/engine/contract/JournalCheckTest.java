package io.segmented.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JournalCheckTest {

  private WireMockServer server;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeEach
  void start() {
    server =
        new WireMockServer(
            WireMockConfiguration.options()
                .dynamicPort()
                .bindAddress("localhost")
                .usingFilesUnderDirectory("src/test/resources/contract/mappings"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private void send(String method, String path, String body) throws Exception {
    client.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build(),
        HttpResponse.BodyHandlers.discarding());
  }

  private List<String> journal() throws Exception {
    return new JournalCheck(StubCheckTest.pricing())
        .check(server.baseUrl()).stream().map(Violation::format).toList();
  }

  @Test
  void requestsTheContractAllowsPass() throws Exception {
    send("GET", "/prices/A-1", null);
    send("POST", "/quotes", "{\"sku\": \"A-1\", \"quantity\": 2}");
    assertEquals(List.of(), journal());
  }

  @Test
  void aRequestTheContractDoesNotAllowIsNamed() throws Exception {
    send("POST", "/quotes", "{\"sku\": \"A-1\", \"quantity\": 0, \"coupon\": \"X\"}");
    send("GET", "/prices/a1", null);
    send("GET", "/stock/A-1", null);
    assertEquals(
        List.of(
            "request POST /quotes: POST /quotes (quote): request body $.quantity: must have a"
                + " minimum value of 1",
            "request POST /quotes: POST /quotes (quote): request body $: property 'coupon' is not"
                + " defined in the schema and the schema does not allow additional properties",
            "request GET /prices/a1: GET /prices/{sku} (getPrice): path parameter sku $: does not"
                + " match the regex pattern ^[A-Z]-[0-9]+$",
            "request GET /stock/A-1: the contract has no operation for GET /stock/A-1"),
        journal());
  }
}
