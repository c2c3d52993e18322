package io.segmented.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The corpus under {@code src/test/resources/manifests}: every valid manifest loads and passes the
 * shipped JSON Schema; every invalid one gets exactly the problems its {@code .expected} file
 * lists, and the schema agrees with the loader where the first line says the schema can tell
 * ({@code # schema: rejects} or {@code accepts}).
 */
class ManifestCorpusTest {

  private static final Path CORPUS = Path.of("src/test/resources/manifests");
  private static final JsonSchema SCHEMA = schema();

  private static JsonSchema schema() {
    try (InputStream in = ManifestLoader.class.getResourceAsStream("segments.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Stream<Path> files(String dir) throws Exception {
    return Files.list(CORPUS.resolve(dir)).filter(p -> p.toString().endsWith(".yaml")).sorted();
  }

  static Stream<Path> valid() throws Exception {
    return files("valid");
  }

  static Stream<Path> invalid() throws Exception {
    return files("invalid");
  }

  private static Manifest load(Path file) throws ManifestException {
    Path copy = copyAsSegmentsYaml(file);
    return new ManifestLoader(Interpolator.of(copy.getParent(), Map.of(), Map.of())).load(copy);
  }

  /**
   * Messages name the file {@code segments.yaml}: each case is loaded under that name, beside the
   * corpus.
   */
  private static Path copyAsSegmentsYaml(Path file) {
    try {
      Path dir = Files.createDirectories(Path.of("target/corpus", file.getFileName().toString()));
      Path sql = dir.resolve("sql");
      if (!Files.exists(sql)) {
        Files.createDirectories(sql);
        Files.copy(CORPUS.resolve("sql/schema.sql"), sql.resolve("schema.sql"));
      }
      Path contracts = dir.resolve("contracts");
      if (!Files.exists(contracts)) {
        Files.createDirectories(contracts);
        Files.copy(CORPUS.resolve("contracts/payments.yaml"), contracts.resolve("payments.yaml"));
      }
      return Files.copy(
          file, dir.resolve("segments.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Set<ValidationMessage> schemaErrors(Path file) throws Exception {
    Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    JsonNode json = new ObjectMapper().valueToTree(yaml);
    return SCHEMA.validate(json);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void validManifestsLoadAndPassTheSchema(Path file) throws Exception {
    Manifest manifest = load(file);
    assertFalse(manifest.segments().isEmpty());
    assertEquals(Set.of(), schemaErrors(file));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidManifestsGetExactlyTheExpectedProblems(Path file) throws Exception {
    List<String> expected =
        Files.readAllLines(Path.of(file.toString().replace(".yaml", ".expected")));
    String schemaVerdict = expected.get(0);
    Path copy = copyAsSegmentsYaml(file);
    List<String> wanted =
        expected.subList(1, expected.size()).stream()
            .map(line -> line.replace("${basedir}", copy.getParent().toAbsolutePath().toString()))
            .toList();

    ManifestException e = assertThrows(ManifestException.class, () -> load(file));

    assertEquals(wanted, e.problems().stream().map(Problem::format).toList());
    switch (schemaVerdict) {
      case "# schema: rejects" ->
          assertFalse(schemaErrors(file).isEmpty(), "the schema accepts " + file);
      case "# schema: accepts" ->
          assertEquals(Set.of(), schemaErrors(file), "only the loader can tell");
      case "# schema: n/a" -> assertTrue(true, "not a YAML document the schema can read");
      default -> throw new AssertionError("first line of the .expected file: " + schemaVerdict);
    }
  }
}
