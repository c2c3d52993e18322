package it.pricing;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A small real HTTP service: GET /price/{sku} answers the price in cents. */
public final class PricingServer {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String currency = System.getenv().getOrDefault("PRICING_CURRENCY", "USD");
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    server.createContext(
        "/price/",
        exchange -> {
          byte[] body = ("3900 " + currency).getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    System.out.println("pricing listening on " + port);
  }
}
