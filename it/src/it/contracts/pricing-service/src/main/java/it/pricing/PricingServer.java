package it.pricing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A small real HTTP service that keeps contracts/pricing.yaml; with PRICING_BREAK=cents it answers
 * the price in cents as a string, which breaks it.
 */
public final class PricingServer {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    boolean broken = "cents".equals(System.getenv("PRICING_BREAK"));
    HttpServer server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
    server.createContext(
        "/prices/",
        exchange -> {
          String sku = exchange.getRequestURI().getPath().substring("/prices/".length());
          if (sku.equals("A-1")) {
            String cents = broken ? "\"12.50\"" : "1250";
            send(
                exchange,
                200,
                "{\"sku\": \"A-1\", \"cents\": " + cents + ", \"currency\": \"EUR\"}");
          } else {
            send(exchange, 404, "{\"title\": \"no such sku\"}");
          }
        });
    server.createContext(
        "/quotes",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          send(exchange, 201, "{\"sku\": \"A-1\", \"cents\": 2500, \"currency\": \"EUR\"}");
        });
    server.createContext("/health", exchange -> send(exchange, 200, "{}"));
    server.start();
    System.out.println("pricing listening on " + port);
  }

  private static void send(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
