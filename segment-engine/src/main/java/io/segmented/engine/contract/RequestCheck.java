package io.segmented.engine.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A request the code under test sent, against the request its operation declares. */
final class RequestCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RequestCheck() {}

  /**
   * The problems of a request to a matched operation.
   *
   * @param query its query parameters, the first value of each
   * @param headers its headers, names in lower case
   * @param body its body; null or empty when none
   */
  static List<String> problems(
      ContractDocument.Match match,
      Map<String, String> query,
      Map<String, String> headers,
      String body) {
    List<String> problems = new ArrayList<>();
    for (Parameter p : match.operation().parameters()) {
      String value =
          switch (p.getIn() == null ? "" : p.getIn()) {
            case "path" -> match.pathValues().get(p.getName());
            case "query" -> query.get(p.getName());
            case "header" -> headers.get(p.getName().toLowerCase(Locale.ROOT));
            default -> null;
          };
      String what = p.getIn() + " parameter " + p.getName();
      if (value == null) {
        if (Boolean.TRUE.equals(p.getRequired()) && !"cookie".equals(p.getIn())) {
          problems.add(what + " is required, but missing");
        }
        continue;
      }
      if (Values.checkable(p.getSchema())) {
        SchemaCheck.problems(p.getSchema(), Values.typed(p.getSchema(), value), false).stream()
            .map(problem -> what + " " + problem)
            .forEach(problems::add);
      }
    }
    body(problems, match.operation().operation().getRequestBody(), headers, body);
    return problems;
  }

  private static void body(
      List<String> problems, RequestBody declared, Map<String, String> headers, String body) {
    boolean hasBody = body != null && !body.isEmpty();
    if (!hasBody) {
      if (declared != null && Boolean.TRUE.equals(declared.getRequired())) {
        problems.add("a request body is required, but there is none");
      }
      return;
    }
    if (declared == null || declared.getContent() == null) {
      problems.add("the contract declares no request body, but there is one");
      return;
    }
    String contentType = headers.get("content-type");
    Optional<Map.Entry<String, MediaType>> media =
        Declared.mediaType(declared.getContent(), contentType);
    if (media.isEmpty()) {
      problems.add(
          "request Content-Type "
              + contentType
              + " is not declared (declared: "
              + String.join(", ", declared.getContent().keySet())
              + ")");
      return;
    }
    if (Declared.isJson(media.get().getKey()) && media.get().getValue().getSchema() != null) {
      JsonNode json;
      try {
        json = JSON.readTree(body);
      } catch (IOException e) {
        problems.add("the request body is not JSON, as " + media.get().getKey() + " needs");
        return;
      }
      SchemaCheck.problems(media.get().getValue().getSchema(), json, true).stream()
          .map(p -> "request body " + p)
          .forEach(problems::add);
    }
  }
}
