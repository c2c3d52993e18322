package io.segmented.engine.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmented.manifest.Problem;
import io.segmented.results.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A {@link Plan} as {@code segment-plan.json}, for CI tools that build a job matrix from it:
 *
 * <pre>{@code
 * {"version": 1, "manifest": "segments.yaml", "parallel": 2, "shard": "1/2",
 *  "order": ["orders-db", ...],
 *  "segments": [{"id": "orders-db", "run": true, "reason": "...", "leftOutBy": null,
 *                "boundary": ["orders", "orders-db"],
 *                "fixtures": [{"id": "db", "kind": "postgres", "provider": "container",
 *                              "runs": "postgres:16-alpine", "reuse": "segment", "shared": false}],
 *                "startWaves": [["db"]]}, ...],
 *  "warnings": [{"line": 5, "column": 14, "message": "'${env.TAG}' is not resolved: ..."}],
 *  "images": [{"name": "postgres:16-alpine", "present": true, "fixtures": ["db"]}]}
 * }</pre>
 *
 * {@code leftOutBy} names the selector that left a segment out: {@code pattern}, {@code change},
 * {@code test-filter} or {@code shard}.
 */
public final class PlanJson {

  /** The version of this file's shape; raised when a field changes meaning or goes away. */
  public static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  /** {@code plan} as a JSON tree. */
  public static ObjectNode of(Plan plan) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", VERSION);
    root.put("manifest", plan.manifest().getFileName().toString());
    root.put("parallel", plan.parallel());
    if (plan.shard().isPresent()) {
      root.put("shard", plan.shard().get().toString());
    } else {
      root.putNull("shard");
    }
    plan.change().ifPresent(c -> root.put("changedSince", c.ref()));
    ArrayNode order = root.putArray("order");
    plan.inStartOrder().forEach(s -> order.add(s.segment().id()));
    ArrayNode segments = root.putArray("segments");
    for (Plan.SegmentPlan s : plan.segments()) {
      ObjectNode node = segments.addObject();
      node.put("id", s.segment().id());
      node.put("run", s.selected());
      node.put("reason", s.reason());
      if (s.decision().leftOutBy().isPresent()) {
        node.put("leftOutBy", key(s.decision().leftOutBy().get()));
      } else {
        node.putNull("leftOutBy");
      }
      ArrayNode between = node.putArray("boundary");
      s.segment().boundary().between().forEach(between::add);
      ArrayNode fixtures = node.putArray("fixtures");
      for (Plan.FixturePlan f : s.fixtures()) {
        ObjectNode fixture = fixtures.addObject();
        fixture.put("id", f.id());
        fixture.put("kind", f.kind());
        fixture.put("provider", f.provider().name().toLowerCase(Locale.ROOT));
        fixture.put("runs", f.runs());
        fixture.put("reuse", f.reuse());
        fixture.put("shared", f.shared());
        f.keep().ifPresent(k -> fixture.put("keep", k));
        if (f.kept().isPresent()) {
          fixture.put("kept", f.kept().get().leased() ? "lease" : "start");
          fixture.put("keptHow", f.kept().get().describe());
        }
        f.notKept().ifPresent(w -> fixture.put("notKept", w));
      }
      ArrayNode waves = node.putArray("startWaves");
      s.startWaves().forEach(w -> w.forEach(waves.addArray()::add));
    }
    ArrayNode warnings = root.putArray("warnings");
    for (Problem w : plan.warnings()) {
      ObjectNode warning = warnings.addObject();
      warning.put("line", w.position().line());
      warning.put("column", w.position().column());
      warning.put("message", w.message());
    }
    ArrayNode images = root.putArray("images");
    for (Plan.Image i : plan.images()) {
      ObjectNode image = images.addObject();
      image.put("name", i.name());
      if (i.present().isPresent()) {
        image.put("present", i.present().get());
      } else {
        image.putNull("present");
      }
      ArrayNode users = image.putArray("fixtures");
      i.fixtureIds().forEach(users::add);
    }
    return root;
  }

  /** Writes {@code plan} to {@code file}, whole or not at all. */
  public static void write(Plan plan, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, JSON.writeValueAsBytes(of(plan)));
  }

  /** The selector as the file names it: {@code test-filter}. */
  static String key(Selector selector) {
    return selector.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
