package io.segmented.manifest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read with its positions kept: typed getters that report a problem, at the value's
 * line and column, instead of throwing, so that one pass finds every problem of a file.
 */
final class YamlMap {

  private final String where;
  private final Node node;
  private final Problems problems;
  private final Interpolator interpolator;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  private YamlMap(String where, Node node, Problems problems, Interpolator interpolator) {
    this.where = where;
    this.node = node;
    this.problems = problems;
    this.interpolator = interpolator;
    if (node instanceof MappingNode mapping) {
      for (NodeTuple tuple : mapping.getValue()) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
          problems.at(
              tuple.getKeyNode(),
              "a key in " + where + " is not a plain name. Write keys as words");
          continue;
        }
        if (entries.containsKey(key.getValue())) {
          problems.at(
              key,
              "duplicate key '"
                  + key.getValue()
                  + "' in "
                  + where
                  + ". Keep one of them (the first is at line "
                  + Problems.position(entries.get(key.getValue()).getKeyNode()).line()
                  + ")");
          continue;
        }
        entries.put(key.getValue(), tuple);
      }
    }
  }

  /** The mapping at {@code node}, or empty (with a problem) when the node is not a mapping. */
  static Optional<YamlMap> of(
      String where, Node node, Problems problems, Interpolator interpolator) {
    if (!(node instanceof MappingNode)) {
      problems.at(node, where + " must be a mapping of keys to values, not " + describe(node));
      return Optional.empty();
    }
    return Optional.of(new YamlMap(where, node, problems, interpolator));
  }

  Node node() {
    return node;
  }

  Set<String> keys() {
    return entries.keySet();
  }

  boolean has(String key) {
    return entries.containsKey(key);
  }

  Node keyNode(String key) {
    return entries.get(key).getKeyNode();
  }

  Optional<Node> value(String key) {
    NodeTuple tuple = entries.get(key);
    return tuple == null ? Optional.empty() : Optional.of(tuple.getValueNode());
  }

  /** Reports every key not in {@code allowed}, suggesting the closest allowed one. */
  void allowOnly(Set<String> allowed) {
    for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
      if (!allowed.contains(e.getKey())) {
        problems.at(
            e.getValue().getKeyNode(),
            "unknown key '"
                + e.getKey()
                + "' in "
                + where
                + ". "
                + Suggestions.didYouMean(e.getKey(), allowed));
      }
    }
  }

  void require(String key, String hint) {
    if (!entries.containsKey(key)) {
      problems.at(node, where + " has no '" + key + "'. " + hint);
    }
  }

  Optional<String> string(String key) {
    return value(key).flatMap(v -> scalar(key, v).map(text -> interpolate(v, text)));
  }

  Optional<String> rawString(String key) {
    return value(key).flatMap(v -> scalar(key, v));
  }

  Optional<Integer> integer(String key, int min, int max) {
    return value(key)
        .flatMap(
            v -> {
              Optional<String> text = scalar(key, v);
              if (text.isEmpty()) {
                return Optional.empty();
              }
              try {
                int n = Integer.parseInt(text.get().trim());
                if (n >= min && n <= max) {
                  return Optional.of(n);
                }
              } catch (NumberFormatException e) {
                // reported below
              }
              problems.at(
                  v,
                  "'"
                      + key
                      + "' must be a whole number from "
                      + min
                      + " to "
                      + max
                      + ", not '"
                      + text.get()
                      + "'");
              return Optional.empty();
            });
  }

  Optional<Boolean> bool(String key) {
    return value(key)
        .flatMap(
            v ->
                scalar(key, v)
                    .flatMap(
                        text -> {
                          if (text.equals("true") || text.equals("false")) {
                            return Optional.of(Boolean.parseBoolean(text));
                          }
                          problems.at(v, "'" + key + "' must be true or false, not '" + text + "'");
                          return Optional.empty();
                        }));
  }

  Optional<Duration> duration(String key) {
    return value(key)
        .flatMap(
            v ->
                scalar(key, v)
                    .flatMap(
                        text -> {
                          Optional<Duration> d = Durations.parse(text);
                          if (d.isEmpty()) {
                            problems.at(
                                v,
                                "'"
                                    + key
                                    + "' is not a duration: '"
                                    + text
                                    + "'. Write a number and a unit: 250ms, 30s, 5m or 1h");
                          }
                          return d;
                        }));
  }

  /** A list of scalars; a missing key is an empty list. */
  List<String> strings(String key) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return List.of();
    }
    return strings(key, value.get());
  }

  private List<String> strings(String key, Node value) {
    return items(key, value).stream().map(Item::value).toList();
  }

  /** A list of scalars with where each is; a missing key is an empty list. */
  List<Item> items(String key) {
    return value(key).map(v -> items(key, v)).orElse(List.of());
  }

  private List<Item> items(String key, Node value) {
    if (!(value instanceof SequenceNode seq)) {
      problems.at(value, "'" + key + "' must be a list, such as [a, b], not " + describe(value));
      return List.of();
    }
    List<Item> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      scalar(key, item).ifPresent(text -> out.add(new Item(item, interpolate(item, text))));
    }
    return out;
  }

  /**
   * One value of a list, interpolated, and the node it was read from.
   *
   * @param node where it is written
   * @param value what it says
   */
  record Item(Node node, String value) {}

  /** {@code text} interpolated; a reference nothing resolves is a warning at {@code at}. */
  private String interpolate(Node at, String text) {
    interpolator.unresolved(text).forEach(w -> problems.warn(at, w));
    return interpolator.apply(text);
  }

  /** A mapping of names to scalars; a missing key is an empty map. */
  Map<String, String> stringMap(String key) {
    Map<String, String> out = new LinkedHashMap<>();
    value(key)
        .flatMap(v -> of("'" + key + "'", v, problems, interpolator))
        .ifPresent(
            map -> {
              for (String k : map.keys()) {
                map.string(k).ifPresent(v -> out.put(k, v));
              }
            });
    return out;
  }

  Optional<YamlMap> map(String key) {
    return value(key).flatMap(v -> of("'" + key + "'", v, problems, interpolator));
  }

  private Optional<String> scalar(String key, Node value) {
    if (value instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
      return Optional.of(s.getValue());
    }
    problems.at(value, "'" + key + "' must be a single value, not " + describe(value));
    return Optional.empty();
  }

  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL)) {
      return "an empty value";
    }
    return "'" + ((ScalarNode) node).getValue() + "'";
  }
}
