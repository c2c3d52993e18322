package io.segmented.engine.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A response, a stub's or a provider's, against what the operation declares for its status. */
final class ResponseCheck {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResponseCheck() {}

  /**
   * The problems of a response.
   *
   * @param headers its headers, names in lower case
   * @param body its body as text; null or empty when it has none
   * @param closed whether objects without {@code additionalProperties} are closed
   */
  static List<String> problems(
      Operation op, int status, Map<String, String> headers, String body, boolean closed) {
    List<String> problems = new ArrayList<>();
    Optional<ApiResponse> declared = Declared.response(op, status);
    if (declared.isEmpty()) {
      problems.add(
          "status " + status + " is not declared (declared: " + Declared.statuses(op) + ")");
      return problems;
    }
    ApiResponse response = declared.get();
    if (response.getHeaders() != null) {
      response
          .getHeaders()
          .forEach((name, header) -> header(problems, name, header, headers, status));
    }
    boolean hasBody = body != null && !body.isEmpty();
    if (!hasBody) {
      return problems;
    }
    if (response.getContent() == null || response.getContent().isEmpty()) {
      problems.add("the contract declares no body for status " + status + ", but there is one");
      return problems;
    }
    String contentType = headers.get("content-type");
    Optional<Map.Entry<String, MediaType>> media =
        Declared.mediaType(response.getContent(), contentType);
    if (media.isEmpty()) {
      problems.add(
          "Content-Type "
              + contentType
              + " is not declared for status "
              + status
              + " (declared: "
              + String.join(", ", response.getContent().keySet())
              + ")");
      return problems;
    }
    if (Declared.isJson(media.get().getKey()) && media.get().getValue().getSchema() != null) {
      JsonNode json;
      try {
        json = JSON.readTree(body);
      } catch (IOException e) {
        problems.add("the body is not JSON, as " + media.get().getKey() + " needs");
        return problems;
      }
      SchemaCheck.problems(media.get().getValue().getSchema(), json, closed).stream()
          .map(p -> "body " + p)
          .forEach(problems::add);
    }
    return problems;
  }

  private static void header(
      List<String> problems, String name, Header header, Map<String, String> sent, int status) {
    if (name.equalsIgnoreCase("content-type")) {
      return;
    }
    String value = sent.get(name.toLowerCase(Locale.ROOT));
    if (value == null) {
      if (Boolean.TRUE.equals(header.getRequired())) {
        problems.add("header " + name + " is required for status " + status + ", but missing");
      }
      return;
    }
    SchemaCheck.problems(header.getSchema(), Values.typed(header.getSchema(), value), false)
        .stream()
        .map(p -> "header " + name + " " + p)
        .forEach(problems::add);
  }
}
