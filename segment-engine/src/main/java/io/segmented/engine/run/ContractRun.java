package io.segmented.engine.run;

import io.segmented.engine.contract.ContractChecks;
import io.segmented.engine.contract.ContractException;
import io.segmented.engine.contract.Violation;
import io.segmented.engine.fixture.Fixture;
import io.segmented.engine.restore.Restores;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.Outcome;
import io.segmented.results.TestResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contract checks around a segment's tests: stubs and provider examples before, the doubles'
 * request journals after. What each check found and how long it took goes to {@code
 * logs/<segment>/contract.log}.
 */
final class ContractRun {

  private final SegmentSpec segment;
  private final ContractChecks checks;
  private final Path log;
  private final boolean verifyProviders;
  private List<TestResult> verified = List.of();
  private final List<Violation> beforeResets = Collections.synchronizedList(new ArrayList<>());

  /**
   * @param verifyProviders whether to send the providers the contract's examples: not when the
   *     build picks a few tests ({@code -Dit.test}, {@code -Dgroups}), which cannot select them
   */
  ContractRun(
      SegmentSpec segment,
      Path moduleDir,
      List<Fixture> fixtures,
      Path logDir,
      boolean verifyProviders)
      throws ContractException {
    this.segment = segment;
    this.verifyProviders = verifyProviders;
    this.log = logDir.resolve("contract.log");
    long start = System.nanoTime();
    this.checks = ContractChecks.of(segment, moduleDir, fixtures);
    if (checks.active()) {
      write("read " + checks.contractName(), start, "parsed and resolved");
    }
  }

  /**
   * What to do before a double's data scope resets it, by fixture id: check its request journal,
   * which the reset clears, so that the requests of every test class or test are checked.
   */
  Map<String, Restores.BeforeRestore> journalTaps() {
    Map<String, Restores.BeforeRestore> taps = new LinkedHashMap<>();
    for (String id : checks.doubleIds()) {
      taps.put(id, () -> beforeResets.addAll(checks.checkJournal(id)));
    }
    return taps;
  }

  /** How the segment ended once the contract had its say. */
  record Verdict(Outcome outcome, String message) {}

  /**
   * Checks the doubles' stubs, then verifies the providers; the message of a CONTRACT-MISMATCH when
   * a stub broke the contract, after which the tests do not run.
   */
  Optional<String> beforeTests() throws ContractException, InterruptedException {
    if (!checks.active()) {
      return Optional.empty();
    }
    long start = System.nanoTime();
    if (checks.hasDoubles()) {
      List<Violation> stubs = checks.checkStubs();
      write("stubs checked", start, stubs.size() + " violation(s)");
      if (!stubs.isEmpty()) {
        return Optional.of(checks.describe(segment.id(), "the stubs of its double", stubs));
      }
    }
    start = System.nanoTime();
    if (checks.hasProviders() && !verifyProviders) {
      write("provider not verified", start, "the build picks tests with -Dit.test or -Dgroups");
      return Optional.empty();
    }
    verified = checks.verifyProviders();
    if (checks.hasProviders()) {
      long failed = verified.stream().filter(t -> t.outcome().failed()).count();
      write("provider verified", start, verified.size() + " example(s), " + failed + " failed");
    }
    return Optional.empty();
  }

  /** The provider's examples as tests of the segment; empty when there is no provider. */
  List<TestResult> verified() {
    return verified;
  }

  /**
   * The tests' outcome, made CONTRACT-MISMATCH when a request or a provider broke the contract; a
   * segment whose selectors matched nothing passes on its provider's examples alone.
   */
  Verdict afterTests(SegmentTests.TestsOutcome ran) throws ContractException, InterruptedException {
    Outcome tests = ran.outcome();
    String message = ran.message();
    if (!checks.active()) {
      return new Verdict(tests, message);
    }
    if (ran.selectedNone() && !verified.isEmpty()) {
      // a provider's examples are the segment's tests: it needs no test class of its own
      tests = Outcome.PASSED;
      message = "";
    }
    long start = System.nanoTime();
    Set<Violation> all = new LinkedHashSet<>(beforeResets);
    all.addAll(checks.checkJournals());
    List<Violation> sent = List.copyOf(all);
    if (checks.hasDoubles()) {
      write("requests checked", start, sent.size() + " violation(s)");
    }
    boolean judged = tests == Outcome.PASSED || tests == Outcome.FLAKY || tests == Outcome.FAILED;
    if (!judged) {
      return new Verdict(tests, message);
    }
    if (!sent.isEmpty()) {
      return new Verdict(
          Outcome.CONTRACT_MISMATCH,
          checks.describe(segment.id(), "the requests its tests sent", sent));
    }
    List<String> broken = new ArrayList<>();
    verified.stream().filter(t -> t.outcome().failed()).forEach(t -> broken.add(t.name()));
    if (!broken.isEmpty()) {
      return new Verdict(
          Outcome.CONTRACT_MISMATCH,
          "segment '"
              + segment.id()
              + "': the provider broke contract "
              + checks.contractName()
              + " in "
              + broken.size()
              + " of "
              + verified.size()
              + " examples: "
              + String.join(", ", broken));
    }
    return new Verdict(tests, message);
  }

  private void write(String what, long startNanos, String found) {
    long millis = Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          what + ": " + found + " in " + millis + " ms\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // the log is a convenience; the outcome does not depend on it
    }
  }
}
