package io.segmented.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Merges the reports directories of several CI jobs (the shards of one run) into one: each
 * segment's result, logs and JUnit XML from the directory where it ran, so one report shows them
 * all.
 */
public final class ResultsMerge {

  private ResultsMerge() {}

  /**
   * Merges {@code sources} into {@code target}, replacing what results {@code target} held.
   *
   * @throws IllegalArgumentException when a source has no results, a segment ran in two sources, or
   *     a segment's id is not a plain name
   */
  public static RunResult merge(List<Path> sources, Path target) throws IOException {
    Map<Path, RunResult> runs = new LinkedHashMap<>();
    for (Path source : sources) {
      if (source.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException(
            source + " is both a source and the target of the merge; merge into another directory");
      }
      if (!Files.isRegularFile(source.resolve(ResultsFiles.RESULTS_FILE))) {
        throw new IllegalArgumentException(
            "no "
                + ResultsFiles.RESULTS_FILE
                + " in "
                + source
                + ": is it a shard's reports directory?");
      }
      RunResult run = ResultsFiles.read(source);
      for (SegmentResult s : run.segments()) {
        checkPlainName(source, s.id());
      }
      runs.put(source, run);
    }
    Map<String, SegmentResult> segments = new LinkedHashMap<>();
    Map<String, Path> ranIn = new LinkedHashMap<>();
    Map<String, SegmentTrend> trends = new LinkedHashMap<>();
    for (Map.Entry<Path, RunResult> e : runs.entrySet()) {
      for (SegmentResult s : e.getValue().segments()) {
        boolean ran = s.outcome() != Outcome.SKIPPED;
        if (ran && ranIn.containsKey(s.id())) {
          throw new IllegalArgumentException(
              "segment '"
                  + s.id()
                  + "' ran in both "
                  + ranIn.get(s.id())
                  + " and "
                  + e.getKey()
                  + ". Merge the shards of one run (-Dsegment.shard=1/n ... n/n)");
        }
        if (ran || !segments.containsKey(s.id())) {
          segments.put(s.id(), s);
          if (ran) {
            ranIn.put(s.id(), e.getKey());
          }
          SegmentTrend trend = e.getValue().trends().get(s.id());
          if (trend != null) {
            trends.put(s.id(), trend);
          }
        }
      }
    }
    ResultsFiles.clear(target);
    for (Map.Entry<String, Path> e : ranIn.entrySet()) {
      copySegmentFiles(e.getValue(), target, e.getKey());
    }
    for (Path source : sources) {
      ResultsFiles.copyTree(
          source.resolve("logs").resolve("_run"), target.resolve("logs").resolve("_run"));
    }
    List<RunResult> all = new ArrayList<>(runs.values());
    List<SegmentResult> merged = new ArrayList<>(segments.values());
    RunResult run =
        new RunResult(
            RunResult.SCHEMA_VERSION,
            all.stream().map(RunResult::runId).distinct().collect(Collectors.joining(",")),
            all.get(0).module(),
            all.stream().map(RunResult::startedAt).min(Comparator.naturalOrder()).orElse(""),
            all.stream().mapToLong(RunResult::durationMillis).max().orElse(0),
            RunResult.Totals.of(merged),
            merged,
            trends,
            "shards merged: "
                + all.stream().map(RunResult::selection).collect(Collectors.joining("; ")),
            advice(all));
    ResultsFiles.write(target, run);
    return run;
  }

  /**
   * The advice of every shard, each once: shards with histories of their own may advise alike, or
   * the same with other numbers (then the one from more runs counts); most saving first.
   */
  static List<Advice> advice(List<RunResult> runs) {
    Map<List<Object>, Advice> byWhat = new LinkedHashMap<>();
    for (RunResult run : runs) {
      for (Advice a : run.advice()) {
        byWhat.merge(
            List.of(a.kind(), a.segments(), a.fixtures()),
            a,
            (had, other) -> other.measured() > had.measured() ? other : had);
      }
    }
    List<Advice> merged = new ArrayList<>(byWhat.values());
    merged.sort(Comparator.comparingLong(Advice::savesMillis).reversed());
    return merged;
  }

  /**
   * A segment's id names its logs folder and JUnit XML files, so an id read from a shard's artifact
   * must be a plain name: {@code ../..} would copy from and into folders outside the two reports
   * directories.
   */
  private static void checkPlainName(Path source, String id) {
    if (id.isEmpty()
        || id.equals(".")
        || id.equals("..")
        || id.chars().anyMatch(c -> c == '/' || c == '\\' || c == 0)) {
      throw new IllegalArgumentException(
          "segment id '"
              + id
              + "' in "
              + source.resolve(ResultsFiles.RESULTS_FILE)
              + " is not a plain name, so its logs and JUnit XML cannot be found inside "
              + source
              + ". segment:run writes no such id: merge reports directories that segment:run"
              + " wrote");
    }
  }

  private static void copySegmentFiles(Path source, Path target, String segmentId)
      throws IOException {
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source)) {
      for (Path f : files.toList()) {
        String name = f.getFileName().toString();
        if (name.equals("TEST-" + segmentId + ".xml")
            || (name.startsWith("TEST-" + segmentId + ".") && name.endsWith(".xml"))) {
          AtomicFiles.copy(f, target.resolve(name));
        }
      }
    }
    ResultsFiles.copyTree(
        source.resolve("logs").resolve(segmentId), target.resolve("logs").resolve(segmentId));
  }
}
