package io.segmented.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.segmented.results.Outcome;
import io.segmented.results.RunResult;
import io.segmented.results.SegmentResult;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
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

  /**
   * Loads and parses the report's template ahead, on a thread that has the time, so that {@link
   * #render} at the end of a run finds it ready (FreeMarker keeps it).
   */
  public static void prepare() throws IOException {
    FREEMARKER.getTemplate("report.ftlh");
  }

  /** Writes {@code index.html} to {@code output}. */
  public static void render(ReportModel model, ReportOutput output) throws IOException {
    Map<String, Object> data = new HashMap<>();
    data.put("run", model.run());
    data.put("logTails", model.logTails());
    data.put("graph", BoundaryGraph.of(model.run().segments()));
    data.put("timeline", Timeline.of(model.run().segments()));
    data.put("byBoundary", byBoundary(model.run()));
    data.put("started", readable(model.run().startedAt()));
    // rendered whole first: a template that fails halfway leaves the last complete page in place
    StringWriter page = new StringWriter();
    try {
      Template template = FREEMARKER.getTemplate("report.ftlh");
      template.process(data, page);
    } catch (TemplateException e) {
      throw new IOException("the report template failed: " + e.getMessage(), e);
    }
    try (Writer out = output.open(INDEX)) {
      out.write(page.toString());
    }
  }

  /**
   * An ISO-8601 instant as people read it, to the second: {@code 2026-11-26 10:00:07 UTC}; text
   * that is no instant as it is.
   */
  public static String readable(String instant) {
    try {
      return READABLE.format(Instant.parse(instant));
    } catch (DateTimeParseException e) {
      return instant;
    }
  }

  private static final DateTimeFormatter READABLE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

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

    /**
     * A segment: a line between its two sides, and where its label is written.
     *
     * @param labelX the label's centre
     * @param labelY the label's baseline
     */
    public record Edge(
        String segment, String outcome, int x1, int y1, int x2, int y2, int labelX, int labelY) {

      /** The label's text. */
      public String label() {
        return segment + ": " + outcome;
      }

      /** The box the label takes. */
      Box labelBox() {
        return Box.text(label(), labelX, labelY);
      }
    }

    /** A rectangle the picture's text takes, to keep labels apart. */
    record Box(double left, double top, double right, double bottom) {

      /** Wider than 13 px system-ui text is on average, so boxes that do not meet never touch. */
      private static final double CHAR_WIDTH = 7.6;

      /** Text centred on {@code x} with its baseline at {@code y}, with the halo around it. */
      static Box text(String text, double x, double y) {
        double half = text.length() * CHAR_WIDTH / 2 + 3;
        return new Box(x - half, y - 14, x + half, y + 5);
      }

      boolean meets(Box o) {
        return left < o.right && o.left < right && top < o.bottom && o.top < bottom;
      }

      boolean inside(int width, int height) {
        return left >= 0 && top >= 0 && right <= width && bottom <= height;
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
      int height =
          Math.max(300, Math.min(640, 160 + 40 * Math.max(around.size(), segments.size())));
      // An ellipse as wide as the picture allows, leaving room for the names and labels at its
      // ends.
      int radiusX = width / 2 - 130;
      int radiusY = height / 2 - 50;
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
                (int) Math.round(width / 2.0 + radiusX * Math.cos(angle)),
                (int) Math.round(height / 2.0 + radiusY * Math.sin(angle))));
      }
      // Labels keep clear of the nodes and their names, and of each other.
      List<Box> taken = new ArrayList<>();
      for (Node n : nodes.values()) {
        taken.add(new Box(n.x() - 8, n.y() - 8, n.x() + 8, n.y() + 8));
        taken.add(Box.text(n.name(), n.x(), n.y() + 22));
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
          edges.add(label(s.id(), s.outcome().label(), a, b, width, height, taken));
        }
      }
      return new BoundaryGraph(width, height, List.copyOf(nodes.values()), edges);
    }

    /** Where along an edge a label may go, best first: mostly away from a shared end. */
    private static final double[] ALONG = {2 / 3.0, 0.5, 0.8, 0.6, 0.4, 0.9, 1 / 3.0, 0.2, 0.1};

    /** How far off the edge, nearest first, in steps of one line of text. */
    private static final int[] ACROSS = {
      0, 16, -16, 32, -32, 48, -48, 64, -64, 80, -80, 96, -96, 112, -112, 128, -128
    };

    /**
     * The edge from {@code a} to {@code b} with its label where it meets no label, node or name
     * already {@code taken} and stays in the picture; the first place if there is none.
     */
    private static Edge label(
        String segment, String outcome, Node a, Node b, int width, int height, List<Box> taken) {
      String text = segment + ": " + outcome;
      double dx = b.x() - a.x();
      double dy = b.y() - a.y();
      double length = Math.max(1, Math.hypot(dx, dy));
      double nx = -dy / length;
      double ny = dx / length;
      int[] first = null;
      for (int off : ACROSS) {
        for (double along : ALONG) {
          int x = (int) Math.round(a.x() + dx * along + nx * off);
          int y = (int) Math.round(a.y() + dy * along + ny * off - 6);
          Box box = Box.text(text, x, y);
          if (first == null) {
            first = new int[] {x, y};
          }
          if (box.inside(width, height) && taken.stream().noneMatch(box::meets)) {
            taken.add(box);
            return new Edge(segment, outcome, a.x(), a.y(), b.x(), b.y(), x, y);
          }
        }
      }
      taken.add(Box.text(text, first[0], first[1]));
      return new Edge(segment, outcome, a.x(), a.y(), b.x(), b.y(), first[0], first[1]);
    }
  }

  /** The CSS class of an outcome; colour is never the only sign, the label is always written. */
  public static String cssClass(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
