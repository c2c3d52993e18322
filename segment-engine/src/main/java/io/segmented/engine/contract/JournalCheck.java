package io.segmented.engine.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requests the code under test sent to a WireMock double, from its request journal ({@code GET
 * /__admin/requests}, the same for the embedded and the container provider), against the contract's
 * request definitions.
 */
public final class JournalCheck {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ContractDocument contract;

  public JournalCheck(ContractDocument contract) {
    this.contract = contract;
  }

  /** The violations of the requests in the journal of the double at {@code url}, oldest first. */
  public List<Violation> check(String url) throws ContractException, InterruptedException {
    JsonNode journal;
    URI admin = URI.create(url + "/__admin/requests");
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(admin).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new ContractException(
            "GET " + admin + " answered " + response.statusCode() + ": " + response.body());
      }
      journal = JSON.readTree(response.body());
    } catch (IOException e) {
      throw new ContractException("cannot read the request journal at " + admin, e);
    }
    List<JsonNode> requests = new ArrayList<>();
    journal.path("requests").forEach(r -> requests.add(r.path("request")));
    // WireMock lists the newest first
    Collections.reverse(requests);
    List<Violation> violations = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (JsonNode r : requests) {
      String method = r.path("method").asText();
      String target = r.path("url").asText();
      String body = r.path("body").asText("");
      if (seen.add(method + " " + target + "\n" + body)) {
        violations.addAll(request(method, target, r.path("headers"), body));
      }
    }
    return violations;
  }

  /** The violations of one recorded request. */
  List<Violation> request(String method, String target, JsonNode headerNode, String body) {
    String subject = "request " + method + " " + target;
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    List<ContractDocument.Match> matches = contract.find(method, path);
    if (matches.isEmpty()) {
      String problem =
          contract.hasPath(path)
              ? "the contract has no "
                  + method
                  + " on this path (it declares "
                  + contract.methodsOf(path)
                  + ")"
              : "the contract has no operation for " + method + " " + path;
      return List.of(new Violation(subject, "", problem));
    }
    Map<String, String> query = query(q < 0 ? "" : target.substring(q + 1));
    Map<String, String> headers = StubCheck.headers(headerNode);
    List<Violation> first = null;
    for (ContractDocument.Match m : matches) {
      List<Violation> found = new ArrayList<>();
      for (String p : RequestCheck.problems(m, query, headers, body)) {
        found.add(new Violation(subject, m.operation().label(), p));
      }
      if (found.isEmpty()) {
        return List.of();
      }
      if (first == null) {
        first = found;
      }
    }
    return first;
  }

  private static Map<String, String> query(String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(key, value);
    }
    return out;
  }
}
