package io.segmented.engine.change;

import io.segmented.manifest.Manifest;
import io.segmented.manifest.Position;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each segment's (or fixture's) entry is in the manifest's text: from the line of its key
 * ({@code orders-db:}) to the line before the next one's key, or for the last one to the end of the
 * {@code segments} (or {@code fixtures}) block (the line before the next top-level key, or the end
 * of the file). So comments between two entries belong to the entry above them.
 */
final class ManifestEntries {

  /** Lines {@code first} to {@code last}, 1-based, both included. */
  record Lines(int first, int last) {
    boolean contains(int line) {
      return first <= line && line <= last;
    }
  }

  private ManifestEntries() {}

  /**
   * The entry of every segment of {@code manifest}, by id, given the manifest's text as lines. The
   * loader knows where each segment's value starts; its key is on that line or the first content
   * line above it.
   */
  static Map<String, Lines> of(Manifest manifest, List<String> text) {
    Map<String, Position> values = new LinkedHashMap<>();
    manifest.segments().values().forEach(s -> values.put(s.id(), s.position()));
    return entries(values, text);
  }

  /** The entry of every fixture of {@code manifest} in its {@code fixtures} block, by id. */
  static Map<String, Lines> fixtures(Manifest manifest, List<String> text) {
    Map<String, Position> values = new LinkedHashMap<>();
    manifest.fixtures().values().forEach(f -> values.put(f.id(), f.position()));
    return entries(values, text);
  }

  /** Entries of one block, given where each one's value starts. */
  private static Map<String, Lines> entries(Map<String, Position> values, List<String> text) {
    List<Map.Entry<String, Integer>> starts = new ArrayList<>();
    values.forEach(
        (id, position) -> {
          if (position.line() >= 1 && position.line() <= text.size()) {
            starts.add(Map.entry(id, keyLine(id, position, text)));
          }
        });
    starts.sort(Comparator.comparingInt(Map.Entry::getValue));
    Map<String, Lines> entries = new LinkedHashMap<>();
    for (int i = 0; i < starts.size(); i++) {
      int first = starts.get(i).getValue();
      int last =
          i + 1 < starts.size()
              ? Math.max(first, starts.get(i + 1).getValue() - 1)
              : endOfBlock(first, text);
      entries.put(starts.get(i).getKey(), new Lines(first, last));
    }
    return entries;
  }

  private static int keyLine(String id, Position position, List<String> text) {
    int line = position.line();
    Pattern key = Pattern.compile("^\\s*(['\"]?)" + Pattern.quote(id) + "\\1\\s*:.*");
    String before = prefix(text.get(line - 1), position.column() - 1);
    if (key.matcher(before).matches()) {
      return line; // a flow or same-line value: "  orders: {boundary: ...}"
    }
    for (int l = line - 1; l >= 1; l--) {
      String t = text.get(l - 1).strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      return key.matcher(text.get(l - 1)).matches() ? l : line;
    }
    return line;
  }

  private static String prefix(String line, int length) {
    return line.substring(0, Math.max(0, Math.min(length, line.length())));
  }

  private static int endOfBlock(int first, List<String> text) {
    for (int l = first + 1; l <= text.size(); l++) {
      String t = text.get(l - 1);
      if (!t.isEmpty() && !Character.isWhitespace(t.charAt(0)) && t.charAt(0) != '#') {
        return l - 1;
      }
    }
    return text.size();
  }
}
