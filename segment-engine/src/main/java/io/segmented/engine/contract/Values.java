package io.segmented.engine.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;

/** Text from a path, a query or a header, as the JSON value its schema expects. */
final class Values {

  private Values() {}

  /** The value as a number or a boolean where its schema says so and it parses; text otherwise. */
  static JsonNode typed(Schema<?> schema, String text) {
    String type = type(schema);
    JsonNodeFactory f = JsonNodeFactory.instance;
    try {
      if ("integer".equals(type)) {
        return f.numberNode(Long.parseLong(text));
      }
      if ("number".equals(type)) {
        return f.numberNode(new BigDecimal(text));
      }
    } catch (NumberFormatException e) {
      return f.textNode(text);
    }
    if ("boolean".equals(type) && (text.equals("true") || text.equals("false"))) {
      return f.booleanNode(Boolean.parseBoolean(text));
    }
    return f.textNode(text);
  }

  /** Whether a parameter's value is checked at all: lists and objects in a query are not yet. */
  static boolean checkable(Schema<?> schema) {
    String type = type(schema);
    return type == null || !(type.equals("array") || type.equals("object"));
  }

  /** The schema's type: 3.0's {@code type}, or the one type other than null of 3.1's list. */
  private static String type(Schema<?> schema) {
    if (schema == null) {
      return null;
    }
    if (schema.getType() != null) {
      return schema.getType();
    }
    if (schema.getTypes() == null) {
      return null;
    }
    return schema.getTypes().stream().filter(t -> !t.equals("null")).findFirst().orElse(null);
  }
}
