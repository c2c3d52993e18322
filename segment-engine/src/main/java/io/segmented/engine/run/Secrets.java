package io.segmented.engine.run;

import io.segmented.engine.fixture.Kinds;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.FixtureResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The secret values of a manifest, masked wherever a run writes text that tests or fixtures
 * produced (messages, stack traces: so the results file, JUnit XML, the report and the Maven log):
 * fixture passwords, and the values of environment variables and system properties whose names
 * contain PASSWORD, SECRET, TOKEN or KEY; also in the segment's log files. Values shorter than
 * {@value #MIN_LENGTH} characters are left alone: masking them would garble every message, and they
 * protect nothing.
 */
final class Secrets {

  /** What a secret is replaced with. */
  static final String MASK = "****";

  static final int MIN_LENGTH = 6;

  private static final List<String> SECRET_NAMES = List.of("PASSWORD", "SECRET", "TOKEN", "KEY");

  private final List<String> values;

  private Secrets(Set<String> values) {
    this.values =
        values.stream()
            .filter(v -> v.length() >= MIN_LENGTH)
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
  }

  static Secrets of(Manifest manifest) {
    Set<String> values = new TreeSet<>();
    for (FixtureSpec f : manifest.fixtures().values()) {
      values.addAll(Kinds.of(f.kind()).secretValues(Secrets::secretName));
    }
    for (SegmentSpec s : manifest.segments().values()) {
      addSecretValues(s.env(), values);
      addSecretValues(s.properties(), values);
    }
    return new Secrets(values);
  }

  /** Whether a variable or property of this name holds a secret. */
  static boolean secretName(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    return SECRET_NAMES.stream().anyMatch(upper::contains);
  }

  private static void addSecretValues(Map<String, String> entries, Set<String> values) {
    entries.forEach(
        (name, value) -> {
          if (secretName(name) && value != null) {
            values.add(value);
          }
        });
  }

  String mask(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String v : values) {
      out = out.replace(v, MASK);
    }
    return out;
  }

  /**
   * Masks the secrets in the files of a segment's folder (logs of the test JVM, whose output is
   * written as it comes, its argument file and events), read and written as UTF-8; a file that
   * cannot be rewritten is left as it is. Fixture logs are masked line by line as they are written.
   */
  void maskFiles(Path dir) {
    if (values.isEmpty() || !Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(f);
        Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String text = new String(bytes, charset);
        String masked = mask(text);
        if (!masked.equals(text)) {
          Files.writeString(f, masked, charset);
        }
      }
    } catch (IOException e) {
      // the results are masked all the same; the logs are the user's own files
    }
  }

  /** Whether the bytes are UTF-8; other files are masked byte for byte, as ISO-8859-1. */
  private static boolean isUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** {@code result} with every secret in its messages and stack traces masked. */
  SegmentResult mask(SegmentResult result) {
    if (values.isEmpty()) {
      return result;
    }
    return new SegmentResult(
        result.id(),
        result.description(),
        result.between(),
        result.outcome(),
        mask(result.message()),
        result.startedAt(),
        result.durationMillis(),
        result.fixturesMillis(),
        result.dataMillis(),
        result.testsMillis(),
        result.teardownMillis(),
        result.fixtures().stream()
            .map(
                f ->
                    new FixtureResult(
                        f.id(),
                        f.kind(),
                        mask(f.image()),
                        f.provider(),
                        f.reuse(),
                        f.startMillis(),
                        f.log(),
                        mask(f.error()),
                        f.restores(),
                        f.restoreMeanMillis(),
                        f.restoreMaxMillis(),
                        f.seedMillis(),
                        f.kept()))
            .toList(),
        result.tests().stream().map(this::mask).toList());
  }

  private TestResult mask(TestResult t) {
    return new TestResult(
        t.className(),
        t.name(),
        t.outcome(),
        t.durationMillis(),
        mask(t.message()),
        t.type(),
        mask(t.stackTrace()),
        t.attempts().stream().map(this::mask).toList());
  }
}
