package io.segmented.engine.adopt;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * failsafe's {@code <includes>} and {@code <excludes>}: which test classes it runs, and the same
 * selection written as the manifest's class globs where that can be done. Patterns are Ant paths
 * over the test classes ({@code **}{@code /*IT.java}; one without a directory matches in every
 * package) or {@code %regex[...]} over the class file's path; a {@code #method} part is ignored.
 */
public final class FailsafePatterns {

  /** failsafe's default includes. */
  public static final List<String> DEFAULT_INCLUDES =
      List.of("**/IT*.java", "**/*IT.java", "**/*ITCase.java");

  private final List<Entry> includes;
  private final List<Entry> excludes;

  private FailsafePatterns(List<Entry> includes, List<Entry> excludes) {
    this.includes = includes;
    this.excludes = excludes;
  }

  /** failsafe's patterns; its defaults when {@code includes} is empty. */
  public static FailsafePatterns of(List<String> includes, List<String> excludes) {
    List<String> in = includes.isEmpty() ? DEFAULT_INCLUDES : includes;
    return new FailsafePatterns(entries(in), entries(excludes));
  }

  /** The include patterns, as failsafe reads them. */
  public List<String> includes() {
    return includes.stream().map(Entry::written).toList();
  }

  /** Whether failsafe runs the top-level class {@code className}. */
  public boolean runs(String className) {
    return included(className) && !excluded(className);
  }

  /** Whether an include pattern matches {@code className}, excludes aside. */
  public boolean included(String className) {
    String path = className.replace('.', '/');
    return includes.stream().anyMatch(e -> e.matches(path));
  }

  /** Whether an exclude pattern matches {@code className}. */
  public boolean excluded(String className) {
    String path = className.replace('.', '/');
    return excludes.stream().anyMatch(e -> e.matches(path));
  }

  /**
   * The manifest class globs that select, among the classes of package {@code pkg}, those the
   * include patterns match: {@code com.acme.orders.*IT} for {@code **}{@code /*IT.java}. Only the
   * patterns that match one of {@code classes} (all in {@code pkg}); empty when one of them has no
   * glob form.
   */
  public Optional<List<String>> globsIn(String pkg, List<String> classes) {
    List<String> globs = new ArrayList<>();
    for (Entry e : includes) {
      boolean used = classes.stream().anyMatch(c -> e.matches(c.replace('.', '/')));
      if (!used) {
        continue;
      }
      Optional<String> simple = e.simpleGlob();
      if (simple.isEmpty()) {
        return Optional.empty();
      }
      globs.add(pkg.isEmpty() ? simple.get() : pkg + "." + simple.get());
    }
    return Optional.of(globs);
  }

  /**
   * The include patterns as manifest class globs over the whole module: {@code **.*IT}; empty when
   * one of them has no glob form.
   */
  public Optional<List<String>> globs() {
    List<String> globs = new ArrayList<>();
    for (Entry e : includes) {
      if (e.glob().isEmpty()) {
        return Optional.empty();
      }
      globs.add(e.glob().get());
    }
    return Optional.of(globs);
  }

  private static List<Entry> entries(List<String> patterns) {
    List<Entry> out = new ArrayList<>();
    for (String p : patterns) {
      for (String one : p.split(",")) {
        String t = one.trim();
        if (!t.isEmpty()) {
          out.add(Entry.of(t));
        }
      }
    }
    return out;
  }

  /** One pattern: its regular expression over class paths, and its Ant form if it has one. */
  private record Entry(String written, Pattern regex, String ant) {

    static Entry of(String written) {
      String p = written.contains("#") ? written.substring(0, written.indexOf('#')) : written;
      if (p.startsWith("%regex[") && p.endsWith("]")) {
        String re = p.substring("%regex[".length(), p.length() - 1);
        // matched against the class file path, com/acme/OrdersIT.class, as surefire does
        return new Entry(written, Pattern.compile(re), null);
      }
      String ant = p.replace('\\', '/');
      for (String ext : List.of(".java", ".class")) {
        if (ant.endsWith(ext)) {
          ant = ant.substring(0, ant.length() - ext.length());
        }
      }
      if (!ant.contains("/")) {
        ant = "**/" + ant;
      }
      return new Entry(written, Pattern.compile(antRegex(ant)), ant);
    }

    boolean matches(String classPath) {
      return regex.matcher(classPath).matches()
          || (ant == null
              && (regex.matcher(classPath + ".class").matches()
                  || regex.matcher(classPath + ".java").matches()));
    }

    Optional<String> glob() {
      return Optional.ofNullable(ant).map(a -> a.replace('/', '.'));
    }

    /** The file-name part as a glob within one package, when it is one. */
    Optional<String> simpleGlob() {
      if (ant == null) {
        return Optional.empty();
      }
      String simple = ant.substring(ant.lastIndexOf('/') + 1);
      return simple.contains("**") ? Optional.empty() : Optional.of(simple);
    }

    private static String antRegex(String ant) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < ant.length(); i++) {
        char c = ant.charAt(i);
        if (ant.startsWith("**/", i)) {
          out.append("(?:.*/)?");
          i += 2;
        } else if (ant.startsWith("**", i)) {
          out.append(".*");
          i += 1;
        } else if (c == '*') {
          out.append("[^/]*");
        } else if (c == '?') {
          out.append("[^/]");
        } else {
          out.append(Pattern.quote(String.valueOf(c)));
        }
      }
      return out.toString();
    }
  }
}
