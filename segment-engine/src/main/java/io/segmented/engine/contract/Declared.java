package io.segmented.engine.contract;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What an operation declares: its responses by status, their media types. */
final class Declared {

  private Declared() {}

  /**
   * The response declared for {@code status}: exact, then its range ({@code 2XX}), then default.
   */
  static Optional<ApiResponse> response(Operation op, int status) {
    if (op.getResponses() == null) {
      return Optional.empty();
    }
    for (String key : List.of(String.valueOf(status), (status / 100) + "XX", "default")) {
      for (Map.Entry<String, ApiResponse> e : op.getResponses().entrySet()) {
        if (e.getKey().equalsIgnoreCase(key)) {
          return Optional.of(e.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /** {@code 200, 404}, as messages list them. */
  static String statuses(Operation op) {
    return op.getResponses() == null ? "none" : String.join(", ", op.getResponses().keySet());
  }

  /**
   * The media type of {@code content} a message with {@code contentType} (null: not said) is
   * checked against: the same type, a wildcard that covers it, or the only one declared.
   */
  static Optional<Map.Entry<String, MediaType>> mediaType(Content content, String contentType) {
    if (content == null || content.isEmpty()) {
      return Optional.empty();
    }
    if (contentType == null) {
      return content.size() == 1
          ? content.entrySet().stream().findFirst()
          : content.entrySet().stream().filter(e -> isJson(e.getKey())).findFirst();
    }
    String type = bare(contentType);
    for (Map.Entry<String, MediaType> e : content.entrySet()) {
      String declared = bare(e.getKey());
      if (declared.equals(type)
          || declared.equals("*/*")
          || (declared.endsWith("/*")
              && type.startsWith(declared.substring(0, declared.length() - 1)))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  static boolean isJson(String mediaType) {
    String type = bare(mediaType);
    return type.equals("application/json") || type.endsWith("+json") || type.equals("*/*");
  }

  static String bare(String mediaType) {
    int semicolon = mediaType.indexOf(';');
    return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
