package io.segmented.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a contract reaches no network unless the manifest asks with {@code remoteRefs}. */
class ContractDocumentTest {

  @TempDir Path dir;

  private HttpServer server;
  private final AtomicInteger fetched = new AtomicInteger();
  private Path document;
  private String url;

  @BeforeEach
  void aContractWithARemoteRef() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          fetched.incrementAndGet();
          byte[] body =
              "Price:\n  type: object\n  properties:\n    amount: {type: integer}\n"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/schemas.yaml";
    document = dir.resolve("api.yaml");
    Files.writeString(
        document,
        """
        openapi: 3.0.3
        info: {title: prices, version: "1"}
        paths:
          /prices:
            get:
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: "%s#/Price"
        """
            .formatted(url));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aRemoteRefIsRefusedWithoutAFetch() {
    ContractException e =
        assertThrows(
            ContractException.class, () -> ContractDocument.read("contracts/api.yaml", document));

    assertEquals(
        "contract contracts/api.yaml refers to "
            + url
            + ", which is not fetched: reading a contract reaches no network unless asked to."
            + " Keep the referred document beside the contract and refer to it by a relative"
            + " path, or add 'remoteRefs: true' to the boundary's contract",
        e.getMessage());
    assertEquals(0, fetched.get());
  }

  @Test
  void aRemoteRefIsFetchedWhenAskedFor() throws Exception {
    ContractDocument contract = ContractDocument.read("contracts/api.yaml", document, true);

    assertEquals(1, fetched.get());
    assertEquals("contracts/api.yaml", contract.name());
  }
}
