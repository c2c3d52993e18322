package io.segmented.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped JSON Schema explains itself to an editor, and the manifest reference page ({@code
 * src/site/markdown/manifest.md}) names every key the schema has, so neither drifts from the other.
 */
class SchemaDocumentationTest {

  private static final Path REFERENCE = Path.of("../src/site/markdown/manifest.md");
  private static final String PUBLISHED =
      "https://segmented.github.io/segment-maven-plugin/schemas/segments-v1.json";

  /** A key of the schema: where it is (a JSON pointer to its schema) and its name. */
  record Key(String pointer, String name, JsonNode schema) {}

  private static JsonNode schema() throws Exception {
    try (InputStream in = ManifestLoader.class.getResourceAsStream("segments.schema.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  /**
   * Every key a manifest can hold: the entries of each {@code properties} of the schema and of its
   * definitions, followed through the keywords that hold schemas of nested values.
   */
  static List<Key> keys(JsonNode schema) {
    List<Key> keys = new ArrayList<>();
    collect(schema, "", keys);
    schema
        .path("$defs")
        .fields()
        .forEachRemaining(def -> collect(def.getValue(), "/$defs/" + def.getKey(), keys));
    return keys;
  }

  private static void collect(JsonNode node, String pointer, List<Key> keys) {
    if (!node.isObject()) {
      return;
    }
    node.path("properties")
        .fields()
        .forEachRemaining(
            p -> {
              String at = pointer + "/properties/" + p.getKey();
              keys.add(new Key(at, p.getKey(), p.getValue()));
              collect(p.getValue(), at, keys);
            });
    for (String nested : List.of("additionalProperties", "items", "propertyNames")) {
      collect(node.path(nested), pointer + "/" + nested, keys);
    }
  }

  @Test
  void everyKeyHasADescription() throws Exception {
    List<String> undescribed =
        keys(schema()).stream()
            .filter(k -> k.schema().path("description").asText("").isBlank())
            .map(Key::pointer)
            .toList();

    assertEquals(List.of(), undescribed, "keys of segments.schema.json without a description");
  }

  @Test
  void everyKeyAppearsOnTheManifestReference() throws Exception {
    String page = Files.readString(REFERENCE);
    List<String> missing =
        keys(schema()).stream()
            .map(Key::name)
            .distinct()
            .filter(
                name ->
                    !Pattern.compile("`([\\w-]+\\.)*" + Pattern.quote(name) + "(\\.[\\w-]+)*`")
                        .matcher(page)
                        .find())
            .toList();

    assertEquals(
        List.of(),
        missing,
        "keys of segments.schema.json that "
            + REFERENCE
            + " does not name as `key`, `a.key` or `key.b`");
  }

  @Test
  void theKeysOfASegmentsDataAreFixtureIds() throws Exception {
    JsonNode data = schema().at("/$defs/segment/properties/data");

    assertEquals("#/$defs/id", data.path("propertyNames").path("$ref").asText());
  }

  @Test
  void keysWithADefaultDeclareIt() throws Exception {
    Map<String, String> expected =
        Map.of(
            "/properties/defaults/properties/timeout", "\"10m\"",
            "/properties/defaults/properties/retries", "0",
            "/$defs/fixture/properties/reuse", "\"segment\"",
            "/$defs/dataScope/properties/scope", "\"segment\"",
            "/$defs/postgres/properties/provider", "\"container\"",
            "/$defs/postgres/properties/image", "\"postgres:16-alpine\"",
            "/$defs/fixture/properties/container/properties/startupTimeout", "\"60s\"",
            "/$defs/wait/properties/http/properties/status", "200");
    JsonNode schema = schema();

    expected.forEach(
        (pointer, value) -> assertEquals(value, schema.at(pointer).path("default").toString()));
  }

  @Test
  void theSchemaIsIdentifiedByTheAddressThePageAndTheSitePublishIt() throws Exception {
    assertEquals(PUBLISHED, schema().path("$id").asText());
    assertTrue(
        Files.readString(REFERENCE).contains("# yaml-language-server: $schema=" + PUBLISHED),
        "the modeline on the manifest reference");
  }
}
