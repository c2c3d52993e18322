package io.segmented.results;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gathers the results of every module of a multi-module build into one reports directory, so that
 * one report shows them all: each segment's id becomes {@code <module>/<segment>}, and each
 * module's fixture logs are copied in under {@code logs/<module>/}, with the results pointing at
 * the copies. The copies, not links back into the modules' {@code target} folders, because the
 * aggregate is published on its own (in the site, as a CI artifact) where those folders are not.
 */
public final class ModuleAggregate {

  private static final String LOGS = "logs";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ModuleAggregate() {}

  /**
   * A module whose reports directory holds a run's results.
   *
   * @param name the module's name, the prefix of its segments' ids in the aggregate
   * @param reportsDir its reports directory, where {@code segment-results.json} is
   */
  public record Module(String name, Path reportsDir) {}

  /**
   * Aggregates the results of {@code modules} into {@code target}, replacing the results and logs
   * {@code target} held; returns what it wrote to {@code target/segment-results.json}.
   *
   * @param name the name of the whole build, the aggregate's module
   * @param modules the modules, in build order; each must have results
   * @throws IllegalArgumentException when two modules have the same name, or a module's reports
   *     directory has no results or is {@code target} itself
   */
  public static RunResult aggregate(String name, List<Module> modules, Path target)
      throws IOException {
    Set<String> names = new HashSet<>();
    Map<Module, RunResult> runs = new LinkedHashMap<>();
    for (Module m : modules) {
      if (!names.add(m.name())) {
        throw new IllegalArgumentException(
            "two modules are named '" + m.name() + "': their segments could not be told apart");
      }
      if (m.reportsDir().toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())) {
        throw new IllegalArgumentException(
            "module '"
                + m.name()
                + "' reports into "
                + target
                + ", where the aggregate goes: aggregate into another directory");
      }
      if (!Files.isRegularFile(m.reportsDir().resolve(ResultsFiles.RESULTS_FILE))) {
        throw new IllegalArgumentException(
            "no " + ResultsFiles.RESULTS_FILE + " in " + m.reportsDir() + " of module " + m.name());
      }
      runs.put(m, ResultsFiles.read(m.reportsDir()));
    }
    ResultsFiles.clear(target);
    List<SegmentResult> segments = new ArrayList<>();
    Map<String, SegmentTrend> trends = new LinkedHashMap<>();
    for (Map.Entry<Module, RunResult> e : runs.entrySet()) {
      String module = e.getKey().name();
      for (SegmentResult s : e.getValue().segments()) {
        segments.add(inModule(module, s));
        SegmentTrend trend = e.getValue().trends().get(s.id());
        if (trend != null) {
          trends.put(module + "/" + s.id(), trend);
        }
      }
      ResultsFiles.copyTree(
          e.getKey().reportsDir().resolve(LOGS), target.resolve(LOGS).resolve(module));
    }
    List<RunResult> all = List.copyOf(runs.values());
    RunResult aggregate =
        new RunResult(
            RunResult.SCHEMA_VERSION,
            all.stream().map(RunResult::runId).distinct().collect(Collectors.joining(",")),
            name,
            all.stream().map(RunResult::startedAt).min(Comparator.naturalOrder()).orElse(""),
            wallTime(all),
            RunResult.Totals.of(segments),
            segments,
            trends,
            runs.entrySet().stream()
                .map(e -> e.getKey().name() + ": " + e.getValue().selection())
                .collect(Collectors.joining("; ")),
            runs.entrySet().stream()
                .flatMap(
                    e -> e.getValue().advice().stream().map(a -> a.inModule(e.getKey().name())))
                .sorted(Comparator.comparingLong(Advice::savesMillis).reversed())
                .toList());
    ResultsFiles.write(target, aggregate);
    return aggregate;
  }

  /**
   * {@code s} as the aggregate shows it: its id and its logs' paths prefixed by its module. Through
   * the results file's JSON, so that every other field, including those added later, comes along.
   */
  static SegmentResult inModule(String module, SegmentResult s) throws IOException {
    ObjectNode json = JSON.valueToTree(s);
    json.put("id", module + "/" + s.id());
    for (JsonNode fixture : json.withArray("fixtures")) {
      ((ObjectNode) fixture).put("log", logInModule(module, fixture.path("log").asText("")));
    }
    return JSON.treeToValue(json, SegmentResult.class);
  }

  /** {@code logs/<segment>/<fixture>.log} of a module becomes {@code logs/<module>/<segment>/…}. */
  static String logInModule(String module, String log) {
    if (log.isEmpty()) {
      return log;
    }
    String inLogs = log.startsWith(LOGS + "/") ? log.substring(LOGS.length() + 1) : log;
    return LOGS + "/" + module + "/" + inLogs;
  }

  /**
   * From the first module's start to the last one's end: modules of a reactor mostly run one after
   * the other, and sharded or parallel builds overlap, so neither the sum nor the longest is right.
   */
  private static long wallTime(List<RunResult> runs) {
    Instant first = Instant.MAX;
    Instant last = Instant.MIN;
    for (RunResult r : runs) {
      Instant start;
      try {
        start = Instant.parse(r.startedAt());
      } catch (DateTimeParseException e) {
        // Not written by this engine: the sum is an upper bound.
        return runs.stream().mapToLong(RunResult::durationMillis).sum();
      }
      Instant end = start.plusMillis(r.durationMillis());
      first = start.isBefore(first) ? start : first;
      last = end.isAfter(last) ? end : last;
    }
    return runs.isEmpty() ? 0 : last.toEpochMilli() - first.toEpochMilli();
  }
}
