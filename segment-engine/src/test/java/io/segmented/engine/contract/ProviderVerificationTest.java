package io.segmented.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import io.segmented.results.TestResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderVerificationTest {

  private HttpServer server;

  private String provider(String priceOfA1) throws Exception {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          int status;
          String body;
          if (path.equals("/prices/A-1")) {
            status = 200;
            body = priceOfA1;
          } else if (path.startsWith("/prices/")) {
            status = 404;
            body = "{\"title\": \"no such sku\"}";
          } else {
            status = 201;
            body = "{\"sku\": \"A-1\", \"cents\": 2500, \"currency\": \"EUR\"}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return "http://localhost:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private List<String> verify(String base) throws Exception {
    return new ProviderVerification(StubCheckTest.pricing())
        .verify(base).stream().map(t -> t.name() + " " + t.outcome() + " " + t.message()).toList();
  }

  @Test
  void everyExampleIsOneTest() throws Exception {
    String base = provider("{\"sku\": \"A-1\", \"cents\": 1250, \"currency\": \"EUR\"}");
    assertEquals(
        List.of(
            "GET /prices/{sku} [known] PASSED ",
            "GET /prices/{sku} [unknown] PASSED ",
            "POST /quotes [example] PASSED "),
        verify(base));
  }

  @Test
  void aBrokenResponseFailsItsExampleNamingIt() throws Exception {
    String base = provider("{\"sku\": \"A-1\", \"cents\": \"12.50\", \"currency\": \"EUR\"}");
    List<TestResult> tests = new ProviderVerification(StubCheckTest.pricing()).verify(base);
    assertEquals("contract.pricing", tests.get(0).className());
    assertEquals(
        "GET /prices/A-1 answered 200 against GET /prices/{sku} (getPrice) in"
            + " contracts/pricing.yaml: body $.cents: string found, integer expected",
        tests.get(0).message());
    assertEquals(
        List.of("PASSED", "PASSED"),
        tests.subList(1, 3).stream().map(t -> t.outcome().name()).toList());
  }
}
