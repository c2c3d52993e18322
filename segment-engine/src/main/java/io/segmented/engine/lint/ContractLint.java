package io.segmented.engine.lint;

import io.segmented.engine.contract.ContractDocument;
import io.segmented.engine.contract.ContractException;
import io.segmented.engine.fixture.Kind;
import io.segmented.engine.fixture.Kinds;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The contracts of a manifest's boundaries, before a run: each must be an OpenAPI document, and
 * each boundary with one must have something to check it against.
 */
final class ContractLint {

  private ContractLint() {}

  static List<String> check(Manifest manifest) {
    List<String> warnings = new ArrayList<>();
    for (SegmentSpec segment : manifest.segments().values()) {
      if (segment.boundary().contract() == null) {
        continue;
      }
      String name = segment.boundary().contract().path();
      try {
        ContractDocument.read(
            name,
            segment.boundary().contract().document(),
            segment.boundary().contract().remoteRefs());
      } catch (ContractException e) {
        warnings.add("segment '" + segment.id() + "': " + e.getMessage());
      }
      if (!checksSomething(manifest, segment)) {
        warnings.add(
            "segment '"
                + segment.id()
                + "' has contract "
                + name
                + ", but no wiremock fixture and no process or container fixture named in"
                + " 'between', so nothing is checked against it. Use a double or name the provider"
                + " in 'between'");
      }
    }
    return warnings;
  }

  private static boolean checksSomething(Manifest manifest, SegmentSpec segment) {
    return verifiesProvider(manifest, segment)
        || segment.fixtureIds().stream()
            .map(manifest.fixtures()::get)
            .anyMatch(f -> f != null && role(f) == Kind.ContractRole.DOUBLE);
  }

  /**
   * Whether the segment verifies a provider: it has a contract, and a {@code process} or {@code
   * container} fixture it names is named in {@code between}. The contract's examples are then its
   * tests, so it needs no test class of its own.
   */
  static boolean verifiesProvider(Manifest manifest, SegmentSpec segment) {
    if (segment.boundary().contract() == null) {
      return false;
    }
    for (String id : segment.fixtureIds()) {
      FixtureSpec f = manifest.fixtures().get(id);
      if (f != null
          && role(f) == Kind.ContractRole.PROVIDER
          && segment.boundary().between().contains(id)) {
        return true;
      }
    }
    return false;
  }

  private static Kind.ContractRole role(FixtureSpec f) {
    return Kinds.of(f.kind()).contractRole();
  }
}
