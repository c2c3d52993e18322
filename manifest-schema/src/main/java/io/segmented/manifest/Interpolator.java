package io.segmented.manifest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${...}} in manifest values: {@code ${basedir}}, Maven project properties such as
 * {@code ${project.version}}, and {@code ${env.NAME}}. Names it does not know are left as written,
 * because fixture attributes such as {@code ${jdbc-url}} are only known once the fixture runs.
 */
public final class Interpolator {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");
  private static final String ENV = "env.";

  private final Map<String, String> values;
  private final Map<String, String> env;

  private Interpolator(Map<String, String> values, Map<String, String> env) {
    this.values = values;
    this.env = env;
  }

  /**
   * @param basedir the module directory
   * @param properties the project's properties, {@code project.version} and the like included
   * @param env the environment {@code ${env.NAME}} reads
   */
  public static Interpolator of(
      Path basedir, Map<String, String> properties, Map<String, String> env) {
    Map<String, String> values = new HashMap<>(properties);
    values.put("basedir", basedir.toString());
    values.put("project.basedir", basedir.toString());
    return new Interpolator(values, Map.copyOf(env));
  }

  /** Replaces the names this interpolator knows. */
  public String apply(String text) {
    return replace(text, this::lookup);
  }

  /**
   * The references in {@code text} that neither this interpolator nor a fixture at run time
   * resolves, each with how to set it, in order: they stay as written.
   */
  public List<String> unresolved(String text) {
    if (text.indexOf("${") < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    Matcher m = REFERENCE.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      if (lookup(name) == null && !Attributes.isReference(name)) {
        String what =
            name.startsWith(ENV)
                ? "the environment variable "
                    + name.substring(ENV.length())
                    + " is not set, so the value stays as written. Set "
                    + name.substring(ENV.length())
                    + " in the build's environment"
                : "there is no project property '"
                    + name
                    + "', so the value stays as written. Define it in the pom's <properties> or"
                    + " pass -D"
                    + name
                    + "=...";
        String line =
            "'" + m.group() + "' is not resolved: " + what + ", or write the value itself";
        if (!out.contains(line)) {
          out.add(line);
        }
      }
    }
    return out;
  }

  private String lookup(String name) {
    return name.startsWith(ENV) ? env.get(name.substring(ENV.length())) : values.get(name);
  }

  /**
   * Replaces {@code ${name}} by what {@code lookup} gives; names it gives null for stay as written.
   */
  public static String replace(String text, Function<String, String> lookup) {
    if (text.indexOf("${") < 0) {
      return text;
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = lookup.apply(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(out);
    return out.toString();
  }
}
