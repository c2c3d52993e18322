package io.segmented.engine.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import com.networknt.schema.oas.OpenApi31;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Comparator;
import java.util.List;

/**
 * A value checked against a schema of the contract, in JSON Schema's OpenAPI 3.0 dialect ({@code
 * nullable} and the rest) by networknt's validator.
 *
 * <p>Closed checks treat every object schema that does not say {@code additionalProperties} as
 * closed: a double's stub that returns a field the contract does not declare has drifted, even
 * though the real provider may add fields without breaking anyone.
 */
final class SchemaCheck {

  private static final JsonSchemaFactory OPENAPI_30 =
      factory(SpecVersion.VersionFlag.V4, OpenApi30.getInstance());
  private static final JsonSchemaFactory OPENAPI_31 =
      factory(SpecVersion.VersionFlag.V202012, OpenApi31.getInstance());

  private static JsonSchemaFactory factory(SpecVersion.VersionFlag base, JsonMetaSchema dialect) {
    return JsonSchemaFactory.getInstance(
        base, b -> b.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
  }

  private SchemaCheck() {}

  /**
   * The problems of {@code value} against {@code schema}, each {@code $.path: what is wrong}; empty
   * when it is valid or there is no schema.
   */
  static List<String> problems(Schema<?> schema, JsonNode value, boolean closed) {
    if (schema == null) {
      return List.of();
    }
    boolean v31 = schema.getSpecVersion() == io.swagger.v3.oas.models.SpecVersion.V31;
    JsonNode node = (v31 ? Json31.mapper() : Json.mapper()).convertValue(schema, JsonNode.class);
    if (closed) {
      close(node, false);
    }
    return (v31 ? OPENAPI_31 : OPENAPI_30)
        .getSchema(node).validate(value).stream()
            .sorted(Comparator.comparing(ValidationMessage::getMessage))
            .map(ValidationMessage::getMessage)
            .toList();
  }

  /** Adds {@code additionalProperties: false} where an object schema leaves it open. */
  private static void close(JsonNode node, boolean inAllOf) {
    if (node instanceof ObjectNode object) {
      if (!inAllOf && object.has("properties") && !object.has("additionalProperties")) {
        object.put("additionalProperties", false);
      }
      object.fields().forEachRemaining(e -> close(e.getValue(), e.getKey().equals("allOf")));
    } else if (node != null && node.isArray()) {
      node.forEach(n -> close(n, inAllOf));
    }
  }
}
