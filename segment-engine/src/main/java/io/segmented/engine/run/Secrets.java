package io.segmented.engine.run;

import io.segmented.engine.fixture.Kinds;
import io.segmented.engine.fork.ClassData;
import io.segmented.engine.fork.OwnClasspath;
import io.segmented.launcher.SecretMask;
import io.segmented.manifest.FixtureSpec;
import io.segmented.manifest.Manifest;
import io.segmented.manifest.SegmentSpec;
import io.segmented.results.AtomicFiles;
import io.segmented.results.FixtureResult;
import io.segmented.results.SegmentResult;
import io.segmented.results.TestResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The secret values of a manifest, masked wherever a run writes text that tests or fixtures
 * produced (messages, stack traces: so the results file, JUnit XML, the report and the Maven log):
 * fixture passwords, and the values of environment variables and system properties whose names
 * contain PASSWORD, SECRET, TOKEN or KEY; also in the segment's log files. Values shorter than
 * {@value #MIN_LENGTH} characters are left alone: masking them would garble every message, and they
 * protect nothing.
 */
final class Secrets {

  static final int MIN_LENGTH = 6;

  private static final List<String> SECRET_NAMES = List.of("PASSWORD", "SECRET", "TOKEN", "KEY");

  private final SecretMask mask;

  private Secrets(Set<String> values) {
    this.mask = SecretMask.of(values.stream().filter(v -> v.length() >= MIN_LENGTH).toList());
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

  /** The secrets as a mask: for what masks as it writes, the test JVMs and the fixtures' logs. */
  SecretMask mask() {
    return mask;
  }

  String mask(String text) {
    return mask.apply(text);
  }

  /**
   * Masks the secrets in the files under {@code dir}, in its folders too, read and written as
   * UTF-8; a file that cannot be rewritten is left as it is. What a run writes is masked as it is
   * written (the test JVM's output, events and thread dumps, the fixtures' logs) and its argument
   * files hold no secret; this catches what is not: the log an embedded PostgreSQL writes itself, a
   * secret value the user also put in {@code jvmArgs}, and what an earlier version of the plugin
   * left.
   */
  void maskFiles(Path dir) {
    if (mask.values().isEmpty() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // class-data archives (the test JVMs' in the working folder, the engine JVM's in its own
    // folder; 50 MB and more) hold the JDK's and the jars' classes, no run's values: not read.
    // Only those: what a test writes to a folder of that name is masked as any other file
    Set<Path> archives =
        Set.of(
            dir.resolve(ClassData.FOLDER),
            dir.resolve(OwnClasspath.ENGINE_FOLDER).resolve(ClassData.FOLDER));
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) {
              return archives.contains(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) {
              if (a.isRegularFile()) {
                maskFile(f);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              // vanished meanwhile: the others are masked all the same
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // the results are masked all the same; the logs are the user's own files
    }
  }

  private void maskFile(Path f) {
    try {
      byte[] bytes = Files.readAllBytes(f);
      Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
      String text = new String(bytes, charset);
      String masked = mask(text);
      if (!masked.equals(text)) {
        // whole or not at all: a build stopped meanwhile leaves the unmasked log, not half of one
        AtomicFiles.write(f, masked.getBytes(charset));
      }
    } catch (IOException e) {
      // a file that vanished or cannot be read is left; the others are masked all the same
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
    if (mask.values().isEmpty()) {
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
        result.tests().stream().map(this::mask).toList(),
        result.classMillis());
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
