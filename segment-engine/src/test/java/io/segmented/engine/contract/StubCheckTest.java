package io.segmented.engine.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StubCheckTest {

  static final Path CONTRACT = Path.of("src/test/resources/contract/pricing.yaml");

  static ContractDocument pricing() throws ContractException {
    return ContractDocument.read("contracts/pricing.yaml", CONTRACT);
  }

  @TempDir Path module;

  private List<String> check(String file, String mapping) throws Exception {
    Path dir = Files.createDirectories(module.resolve("wiremock/mappings"));
    Files.writeString(dir.resolve(file), mapping);
    return new StubCheck(pricing(), module)
        .check(module.resolve("wiremock")).stream().map(Violation::format).toList();
  }

  @Test
  void stubsThatMatchTheContractPass() throws Exception {
    Path module = Path.of("src/test/resources/contract");
    assertEquals(List.of(), new StubCheck(pricing(), module).check(module.resolve("mappings")));
  }

  @Test
  void aFieldTheContractDoesNotDeclareNamesTheFileAndTheOperation() throws Exception {
    assertEquals(
        List.of(
            "wiremock/mappings/price.json: GET /prices/{sku} (getPrice): stubbed body $:"
                + " property 'discount' is not defined in the schema and the schema does not allow additional"
                + " properties"),
        check(
            "price.json",
            """
            {"request": {"method": "GET", "url": "/prices/A-1"},
             "response": {"status": 200,
                          "jsonBody": {"sku": "A-1", "cents": 1, "currency": "EUR", "discount": 5}}}
            """));
  }

  @Test
  void aWrongTypeAndAMissingRequiredFieldAreNamed() throws Exception {
    assertEquals(
        List.of(
            "wiremock/mappings/price.json: GET /prices/{sku} (getPrice): stubbed body $.cents:"
                + " string found, integer expected",
            "wiremock/mappings/price.json: GET /prices/{sku} (getPrice): stubbed body $: required"
                + " property 'currency' not found"),
        check(
            "price.json",
            """
            {"request": {"method": "GET", "url": "/prices/A-1"},
             "response": {"status": 200, "jsonBody": {"sku": "A-1", "cents": "12.50"}}}
            """));
  }

  @Test
  void anUndeclaredStatusIsNamed() throws Exception {
    assertEquals(
        List.of(
            "wiremock/mappings/price.json: GET /prices/{sku} (getPrice): stubbed status 500 is not"
                + " declared (declared: 200, 404)"),
        check(
            "price.json",
            """
            {"request": {"method": "GET", "url": "/prices/A-1"}, "response": {"status": 500}}
            """));
  }

  @Test
  void aPathOrMethodTheContractDoesNotHaveIsNamed() throws Exception {
    assertEquals(
        List.of(
            "wiremock/mappings/price.json: the contract has no DELETE on this path (it declares"
                + " GET)"),
        check(
            "price.json",
            """
            {"request": {"method": "DELETE", "url": "/prices/A-1"}, "response": {"status": 204}}
            """));
    assertEquals(
        List.of("wiremock/mappings/price.json: the contract has no operation for GET /stock/A-1"),
        check(
            "price.json",
            """
            {"request": {"method": "GET", "urlPath": "/stock/A-1"}, "response": {"status": 200}}
            """));
  }

  @Test
  void anOpenApi31ContractIsCheckedInItsOwnDialect() throws Exception {
    ContractDocument v31 =
        ContractDocument.read(
            "contracts/pricing.yaml", Path.of("src/test/resources/contract/pricing-3.1.yaml"));
    Path dir = Files.createDirectories(module.resolve("wiremock/mappings"));
    Files.writeString(
        dir.resolve("price.json"),
        """
        {"request": {"method": "GET", "url": "/prices/A-1"},
         "response": {"status": 200,
                      "jsonBody": {"sku": "A-1", "cents": 1, "currency": null, "discount": 5}}}
        """);
    assertEquals(
        List.of(
            "wiremock/mappings/price.json: GET /prices/{sku} (getPrice): stubbed body $: property"
                + " 'discount' is not defined in the schema and the schema does not allow"
                + " additional properties"),
        new StubCheck(v31, module)
            .check(module.resolve("wiremock")).stream().map(Violation::format).toList());
  }
}
