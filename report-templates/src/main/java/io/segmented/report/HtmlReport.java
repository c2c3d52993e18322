package io.segmented.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a run's results as one self-contained HTML page ({@code index.html}: no script, no
 * external file), grouped by boundary, with a graph of the boundaries, every failure with its
 * message, stack trace and the tail of each fixture's log, and a command that reruns a segment.
 * Everything from tests and fixtures is escaped by the template's HTML output format.
 */
public final class HtmlReport {

  /** The page's file name. */
  public static final String INDEX = "index.html";

  private static final Configuration FREEMARKER = configuration();

  private HtmlReport() {}

  private static Configuration configuration() {
    Configuration c = new Configuration(Configuration.VERSION_2_3_32);
    c.setClassForTemplateLoading(HtmlReport.class, "");
    c.setDefaultEncoding("UTF-8");
    c.setRecognizeStandardFileExtensions(true);
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setLocale(Locale.ROOT);
    c.setNumberFormat("computer");
    return c;
  }

  /** Writes {@code index.html} to {@code output}. */
  public static void render(ReportModel model, ReportOutput output) throws IOException {
    Map<String, Object> data = new HashMap<>();
    data.put("run", model.run());
    data.put("logTails", model.logTails());
    data.put("graph", BoundaryGraph.of(model.run().segments()));
    data.put("timeline", Timeline.of(model.run().segments()));
    data.put("byBoundary", byBoundary(model.run()));
    try (Writer out = output.open(INDEX)) {
      Template template = FREEMARKER.getTemplate("report.ftlh");
      template.process(data, out);
    } catch (TemplateException e) {
      throw new IOException("the report template failed: " + e.getMessage(), e);
    }
  }

  /** Segments grouped by their boundary label, in the order boundaries first appear. */
  static Map<String, List<SegmentResult>> byBoundary(RunResult run) {
    Map<String, List<SegmentResult>> groups = new LinkedHashMap<>();
    for (SegmentResult s : run.segments()) {
      groups.computeIfAbsent(s.boundaryLabel(), k -> new ArrayList<>()).add(s);
    }
    return groups;
  }

  /**
   * The boundaries as a graph: the {@code between} sides as nodes on a circle, each segment an edge
   * labelled by its outcome.
   *
   * @param width the picture's width
   * @param height the picture's height
   * @param nodes the sides with their positions
   * @param edges the segments between them
   */
  public record BoundaryGraph(int width, int height, List<Node> nodes, List<Edge> edges) {

    /** A side of one or more boundaries. */
    public record Node(String name, int x, int y) {}

    /** A segment: a line between its two sides. */
    public record Edge(String segment, String outcome, int x1, int y1, int x2, int y2) {

      /**
       * Where the label goes: two thirds of the way, so labels of edges from one hub do not meet.
       */
      public int labelX() {
        return x1 + (x2 - x1) * 2 / 3;
      }

      /** Where the label goes. */
      public int labelY() {
        return y1 + (y2 - y1) * 2 / 3 - 6;
      }
    }

    static BoundaryGraph of(List<SegmentResult> segments) {
      Map<String, Integer> degree = new LinkedHashMap<>();
      segments.forEach(s -> s.between().forEach(side -> degree.merge(side, 1, Integer::sum)));
      // The side most boundaries share (usually the module under test) goes in the middle, the
      // others around it.
      String hub =
          degree.entrySet().stream()
              .filter(e -> e.getValue() > 2)
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse(null);
      List<String> around = degree.keySet().stream().filter(n -> !n.equals(hub)).toList();
      int width = 760;
      int height = Math.max(300, Math.min(640, 160 + 40 * around.size()));
      int radius = Math.min(width, height) / 2 - 50;
      Map<String, Node> nodes = new LinkedHashMap<>();
      if (hub != null) {
        nodes.put(hub, new Node(hub, width / 2, height / 2));
      }
      for (int i = 0; i < around.size(); i++) {
        double angle = 2 * Math.PI * i / around.size() - Math.PI / 2;
        String name = around.get(i);
        nodes.put(
            name,
            new Node(
                name,
                (int) Math.round(width / 2.0 + radius * Math.cos(angle)),
                (int) Math.round(height / 2.0 + radius * Math.sin(angle))));
      }
      List<Edge> edges = new ArrayList<>();
      for (SegmentResult s : segments) {
        if (s.between().size() == 2) {
          Node a = nodes.get(s.between().get(0));
          Node b = nodes.get(s.between().get(1));
          if (b.name().equals(hub)) {
            Node t = a;
            a = b;
            b = t;
          }
          edges.add(new Edge(s.id(), s.outcome().label(), a.x(), a.y(), b.x(), b.y()));
        }
      }
      return new BoundaryGraph(width, height, List.copyOf(nodes.values()), edges);
    }
  }

  /** The CSS class of an outcome; colour is never the only sign, the label is always written. */
  public static String cssClass(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
