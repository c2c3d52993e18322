package io.segmented.engine.contract;

import io.segmented.engine.fixture.Fixture;
import io.segmented.engine.fixture.Kind;
import io.segmented.engine.fixture.Kinds;
import io.segmented.manifest.Attributes;
import io.segmented.manifest.Contract;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The contract checks of one segment: its boundary's contract against the doubles on the boundary
 * (their stubs before the tests, the requests the tests sent them after) and against the real
 * providers on it (their answers to the contract's examples).
 *
 * <p>A double is a {@code wiremock} fixture that the boundary names in {@code between}, or every
 * wiremock fixture of the segment when it names none; a provider is a {@code process} or {@code
 * container} fixture the boundary names.
 */
public final class ContractChecks {

  private static final ContractChecks NONE =
      new ContractChecks(null, Path.of("."), List.of(), List.of());

  private final ContractDocument contract;
  private final Path moduleDir;
  private final List<Fixture> doubles;
  private final List<Fixture> providers;

  private ContractChecks(
      ContractDocument contract, Path moduleDir, List<Fixture> doubles, List<Fixture> providers) {
    this.contract = contract;
    this.moduleDir = moduleDir;
    this.doubles = doubles;
    this.providers = providers;
  }

  /**
   * The checks of {@code segment} over its started fixtures; none when its boundary has no
   * contract.
   *
   * @throws ContractException when the contract cannot be read
   */
  public static ContractChecks of(SegmentSpec segment, Path moduleDir, List<Fixture> fixtures)
      throws ContractException {
    Contract declared = segment.boundary().contract();
    if (declared == null) {
      return NONE;
    }
    List<String> between = segment.boundary().between();
    List<Fixture> wiremocks =
        fixtures.stream().filter(f -> role(f) == Kind.ContractRole.DOUBLE).toList();
    List<Fixture> doubles =
        wiremocks.stream().filter(f -> between.contains(f.spec().id())).toList();
    if (doubles.isEmpty()) {
      doubles = wiremocks;
    }
    List<Fixture> providers =
        fixtures.stream()
            .filter(f -> between.contains(f.spec().id()))
            .filter(f -> role(f) == Kind.ContractRole.PROVIDER)
            .toList();
    if (doubles.isEmpty() && providers.isEmpty()) {
      return NONE;
    }
    return new ContractChecks(
        ContractDocument.read(declared.path(), declared.document(), declared.remoteRefs()),
        moduleDir,
        doubles,
        providers);
  }

  private static Kind.ContractRole role(Fixture f) {
    return Kinds.of(f.spec().kind()).contractRole();
  }

  /** Whether there is anything to check. */
  public boolean active() {
    return contract != null;
  }

  /** Whether a double on the boundary is checked. */
  public boolean hasDoubles() {
    return !doubles.isEmpty();
  }

  /** Whether a real provider on the boundary is verified. */
  public boolean hasProviders() {
    return !providers.isEmpty();
  }

  /** The contract as the manifest names it. */
  public String contractName() {
    return contract == null ? "" : contract.name();
  }

  /** Every stub mapping of every double, against the contract. */
  public List<Violation> checkStubs() throws ContractException {
    List<Violation> violations = new ArrayList<>();
    for (Fixture f : doubles) {
      Optional<Path> mappings = Kinds.of(f.spec().kind()).stubMappings();
      if (mappings.isPresent()) {
        violations.addAll(new StubCheck(contract, moduleDir).check(mappings.get()));
      }
    }
    return violations;
  }

  /** The fixture ids of the doubles. */
  public List<String> doubleIds() {
    return doubles.stream().map(f -> f.spec().id()).toList();
  }

  /** The requests in the journal of one double, against the contract. */
  public List<Violation> checkJournal(String fixtureId)
      throws ContractException, InterruptedException {
    List<Violation> violations = new ArrayList<>();
    for (Fixture f : doubles) {
      if (f.spec().id().equals(fixtureId)) {
        violations.addAll(new JournalCheck(contract).check(Attributes.of(f.attributes()).url()));
      }
    }
    return violations;
  }

  /** Every request the tests sent to a double, against the contract. */
  public List<Violation> checkJournals() throws ContractException, InterruptedException {
    List<Violation> violations = new ArrayList<>();
    for (Fixture f : doubles) {
      violations.addAll(new JournalCheck(contract).check(Attributes.of(f.attributes()).url()));
    }
    return violations;
  }

  /** The contract's examples against each provider, one test per operation and example. */
  public List<TestResult> verifyProviders() throws InterruptedException {
    List<TestResult> tests = new ArrayList<>();
    for (Fixture f : providers) {
      Attributes provider = Attributes.of(f.attributes());
      String base = "http://" + provider.host() + ":" + provider.port();
      tests.addAll(new ProviderVerification(contract).verify(base));
    }
    return tests;
  }

  /** The violations as one message line each, under a first line naming the contract. */
  public String describe(String segmentId, String when, List<Violation> violations) {
    StringBuilder text =
        new StringBuilder(
            "segment '"
                + segmentId
                + "': "
                + when
                + " broke contract "
                + contract.name()
                + " ("
                + violations.size()
                + (violations.size() == 1 ? " violation" : " violations")
                + "):");
    violations.forEach(v -> text.append("\n  ").append(v.format()));
    return text.toString();
  }
}
