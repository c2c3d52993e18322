package io.segmented.engine.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmented.results.TestOutcome;
import io.segmented.results.TestResult;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The real provider on a boundary against its contract: for every operation with examples, each
 * example request is sent and the response checked (status declared, headers and body valid). Each
 * example is one test of the segment, so it shows in JUnit XML and the report like any other.
 */
public final class ProviderVerification {

  /** The name of an example given with {@code example} rather than under {@code examples}. */
  static final String UNNAMED = "example";

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ContractDocument contract;
  private final String className;

  public ProviderVerification(ContractDocument contract) {
    this.contract = contract;
    String file = contract.name().replaceAll(".*/", "").replaceAll("\\.[^.]*$", "");
    this.className = "contract." + file;
  }

  /** One test per operation and example, against the provider at {@code baseUrl}. */
  public List<TestResult> verify(String baseUrl) throws InterruptedException {
    List<TestResult> tests = new ArrayList<>();
    for (ContractDocument.ContractOperation op : contract.operations()) {
      for (String example : examples(op)) {
        long start = System.nanoTime();
        String name = op.method() + " " + op.path() + " [" + example + "]";
        String failure;
        try {
          failure = check(baseUrl, op, example);
        } catch (IOException e) {
          failure = "the provider did not answer: " + e;
        }
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        tests.add(
            failure == null
                ? new TestResult(className, name, TestOutcome.PASSED, millis, "", "", "")
                : new TestResult(
                    className,
                    name,
                    TestOutcome.FAILED,
                    millis,
                    failure,
                    "ContractMismatch",
                    failure));
      }
    }
    return tests;
  }

  /** The names of the operation's examples, on its parameters, its body or its responses. */
  static Set<String> examples(ContractDocument.ContractOperation op) {
    Set<String> named = new LinkedHashSet<>();
    boolean unnamed = false;
    for (Parameter p : op.parameters()) {
      if (p.getExamples() != null) {
        named.addAll(p.getExamples().keySet());
      }
      unnamed |= p.getExample() != null;
    }
    Optional<MediaType> body = requestMedia(op.operation());
    if (body.isPresent()) {
      if (body.get().getExamples() != null) {
        named.addAll(body.get().getExamples().keySet());
      }
      unnamed |= body.get().getExample() != null;
    }
    if (op.operation().getResponses() != null) {
      for (ApiResponse r : op.operation().getResponses().values()) {
        if (r.getContent() != null) {
          for (MediaType m : r.getContent().values()) {
            unnamed |= m.getExample() != null || m.getExamples() != null;
          }
        }
      }
    }
    if (named.isEmpty() && unnamed) {
      named.add(UNNAMED);
    }
    return named;
  }

  /**
   * Sends the example request; the reason it failed, or null when the response keeps the contract.
   */
  private String check(String baseUrl, ContractDocument.ContractOperation op, String example)
      throws IOException, InterruptedException {
    String path = op.path();
    StringBuilder query = new StringBuilder();
    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
    for (Parameter p : op.parameters()) {
      Object value = value(p.getExamples(), p.getExample(), example);
      if (value == null && p.getSchema() != null) {
        value = p.getSchema().getExample();
      }
      if (value == null) {
        if (Boolean.TRUE.equals(p.getRequired())) {
          return "the contract gives no example value for "
              + p.getIn()
              + " parameter "
              + p.getName()
              + " in example '"
              + example
              + "'. Add 'example' or 'examples' to the parameter";
        }
        continue;
      }
      String text = String.valueOf(value);
      switch (p.getIn()) {
        case "path" ->
            path =
                path.replace(
                    "{" + p.getName() + "}",
                    URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
        case "query" ->
            query
                .append(query.length() == 0 ? "?" : "&")
                .append(URLEncoder.encode(p.getName(), StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
        case "header" -> request.header(p.getName(), text);
        default -> {}
      }
    }
    HttpRequest.BodyPublisher publisher = HttpRequest.BodyPublishers.noBody();
    Optional<Map.Entry<String, MediaType>> media = requestMediaEntry(op.operation());
    if (media.isPresent()) {
      Object body =
          value(media.get().getValue().getExamples(), media.get().getValue().getExample(), example);
      if (body != null) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        publisher = HttpRequest.BodyPublishers.ofString(text);
        request.header("Content-Type", media.get().getKey());
      }
    }
    URI uri = URI.create(baseUrl + contract.basePath() + path + query);
    HttpResponse<String> response =
        client.send(
            request.uri(uri).method(op.method(), publisher).header("Accept", "*/*").build(),
            HttpResponse.BodyHandlers.ofString());
    String sent = op.method() + " " + contract.basePath() + path + query;
    Optional<Integer> expected = expectedStatus(op.operation(), example);
    if (expected.isPresent() && response.statusCode() != expected.get()) {
      return sent
          + " answered "
          + response.statusCode()
          + ", the contract's example expects "
          + expected.get()
          + bodyExcerpt(response.body());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
    List<String> problems =
        ResponseCheck.problems(
            op.operation(), response.statusCode(), headers, response.body(), false);
    if (problems.isEmpty()) {
      return null;
    }
    return sent
        + " answered "
        + response.statusCode()
        + " against "
        + op.label()
        + " in "
        + contract.name()
        + ": "
        + String.join("; ", problems);
  }

  /**
   * The status a response to the example must have: the one whose examples hold the same name, else
   * the operation's first 2xx; empty when it declares none.
   */
  private static Optional<Integer> expectedStatus(Operation op, String example) {
    if (op.getResponses() == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
      if (e.getValue().getContent() != null
          && e.getValue().getContent().values().stream()
              .anyMatch(m -> m.getExamples() != null && m.getExamples().containsKey(example))
          && e.getKey().matches("\\d{3}")) {
        return Optional.of(Integer.parseInt(e.getKey()));
      }
    }
    return op.getResponses().keySet().stream()
        .filter(k -> k.matches("2\\d\\d"))
        .map(Integer::parseInt)
        .sorted()
        .findFirst();
  }

  private static String bodyExcerpt(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    return ": " + (body.length() > 200 ? body.substring(0, 200) + "…" : body);
  }

  static Object value(Map<String, Example> examples, Object example, String name) {
    if (examples != null && examples.containsKey(name)) {
      return examples.get(name).getValue();
    }
    if (examples != null && !examples.isEmpty() && !name.equals(UNNAMED)) {
      return example;
    }
    return example != null
        ? example
        : examples == null || examples.isEmpty()
            ? null
            : examples.values().iterator().next().getValue();
  }

  private static Optional<MediaType> requestMedia(Operation op) {
    return requestMediaEntry(op).map(Map.Entry::getValue);
  }

  private static Optional<Map.Entry<String, MediaType>> requestMediaEntry(Operation op) {
    if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
      return Optional.empty();
    }
    return Declared.mediaType(op.getRequestBody().getContent(), null);
  }
}
