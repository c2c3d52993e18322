package io.segmented.engine.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * The stub mappings of a WireMock double, file by file, against the contract: each stub's method
 * and path must be an operation, its status declared, its headers and body valid for that status.
 * Read from the manifest's mappings folder rather than the admin API, so that a problem names the
 * file.
 */
public final class StubCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ContractDocument contract;
  private final Path moduleDir;

  public StubCheck(ContractDocument contract, Path moduleDir) {
    this.contract = contract;
    this.moduleDir = moduleDir.toAbsolutePath().normalize();
  }

  /** The violations of every mapping under {@code mappingsDir/mappings}, in file order. */
  public List<Violation> check(Path mappingsDir) throws ContractException {
    Path dir = mappingsDir.resolve("mappings");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new ContractException("cannot list the stub mappings in " + dir, e);
    }
    List<Violation> violations = new ArrayList<>();
    for (Path file : files) {
      String name = moduleDir.relativize(file.toAbsolutePath().normalize()).toString();
      JsonNode root;
      try {
        root = JSON.readTree(file.toFile());
      } catch (IOException e) {
        violations.add(new Violation(name, "", "not a JSON stub mapping: " + e.getMessage()));
        continue;
      }
      List<JsonNode> stubs = new ArrayList<>();
      if (root.has("mappings")) {
        root.get("mappings").forEach(stubs::add);
      } else {
        stubs.add(root);
      }
      for (JsonNode stub : stubs) {
        violations.addAll(stub(name, stub, mappingsDir.resolve("__files")));
      }
    }
    return violations;
  }

  private List<Violation> stub(String file, JsonNode stub, Path filesDir) {
    JsonNode request = stub.path("request");
    JsonNode response = stub.path("response");
    if (response.has("fault") || response.has("proxyBaseUrl")) {
      return List.of();
    }
    String method = request.path("method").asText("ANY").toUpperCase(Locale.ROOT);
    String anyMethod = method.equals("ANY") ? null : method;
    List<ContractDocument.Match> matches = matches(anyMethod, request);
    if (matches == null) {
      return List.of();
    }
    String requested = method + " " + describeUrl(request);
    if (matches.isEmpty()) {
      String path = samplePath(request);
      String problem =
          path != null && contract.hasPath(path)
              ? "the contract has no "
                  + method
                  + " on this path (it declares "
                  + contract.methodsOf(path)
                  + ")"
              : "the contract has no operation for " + requested;
      return List.of(new Violation(file, "", problem));
    }
    int status = response.path("status").asInt(200);
    Map<String, String> headers = headers(response.path("headers"));
    String body;
    try {
      body = body(response, filesDir);
    } catch (IOException e) {
      return List.of(new Violation(file, "", "cannot read its body file: " + e.getMessage()));
    }
    List<Violation> first = null;
    for (ContractDocument.Match m : matches) {
      List<Violation> found = new ArrayList<>();
      for (String p :
          ResponseCheck.problems(m.operation().operation(), status, headers, body, true)) {
        found.add(new Violation(file, m.operation().label(), "stubbed " + p));
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

  /** The operations the stub's URL can reach; null when it matches any URL. */
  private List<ContractDocument.Match> matches(String method, JsonNode request) {
    for (String key : List.of("url", "urlPath", "urlPathTemplate")) {
      if (request.has(key)) {
        String url = request.get(key).asText();
        int q = url.indexOf('?');
        return contract.find(method, q < 0 ? url : url.substring(0, q));
      }
    }
    for (String key : List.of("urlPattern", "urlPathPattern")) {
      if (request.has(key)) {
        Pattern regex;
        try {
          regex = Pattern.compile(request.get(key).asText());
        } catch (PatternSyntaxException e) {
          return List.of();
        }
        List<ContractDocument.Match> found = new ArrayList<>();
        for (ContractDocument.ContractOperation op : contract.operations()) {
          if ((method == null || op.method().equals(method))
              && samplePaths(op).stream().anyMatch(p -> regex.matcher(p).matches())) {
            found.add(new ContractDocument.Match(op, Map.of()));
          }
        }
        return found;
      }
    }
    return null;
  }

  /**
   * Paths an operation serves, for a stub that matches URLs by regex: its template with the
   * examples of its path parameters, or with {@code 1} where there are none.
   */
  private List<String> samplePaths(ContractDocument.ContractOperation op) {
    List<String> samples = new ArrayList<>();
    List<String> names = new ArrayList<>(ProviderVerification.examples(op));
    names.add("");
    for (String example : names) {
      String path = op.path();
      for (Parameter p : op.parameters()) {
        if ("path".equals(p.getIn())) {
          Object value = ProviderVerification.value(p.getExamples(), p.getExample(), example);
          path = path.replace("{" + p.getName() + "}", value == null ? "1" : value.toString());
        }
      }
      samples.add(contract.basePath() + path.replaceAll("\\{[^}/]+}", "1"));
    }
    return samples;
  }

  private static String samplePath(JsonNode request) {
    for (String key : List.of("url", "urlPath", "urlPathTemplate")) {
      if (request.has(key)) {
        String url = request.get(key).asText();
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
      }
    }
    return null;
  }

  private static String describeUrl(JsonNode request) {
    for (String key :
        List.of("url", "urlPath", "urlPathTemplate", "urlPattern", "urlPathPattern")) {
      if (request.has(key)) {
        return request.get(key).asText();
      }
    }
    return "any URL";
  }

  static Map<String, String> headers(JsonNode headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers
        .fields()
        .forEachRemaining(
            e ->
                out.put(
                    e.getKey().toLowerCase(Locale.ROOT),
                    e.getValue().isArray()
                        ? e.getValue().path(0).asText()
                        : e.getValue().asText()));
    return out;
  }

  private static String body(JsonNode response, Path filesDir) throws IOException {
    if (response.has("jsonBody")) {
      return JSON.writeValueAsString(response.get("jsonBody"));
    }
    if (response.has("body")) {
      return response.get("body").asText();
    }
    if (response.has("bodyFileName")) {
      return Files.readString(
          filesDir.resolve(response.get("bodyFileName").asText()), StandardCharsets.UTF_8);
    }
    return null;
  }
}
