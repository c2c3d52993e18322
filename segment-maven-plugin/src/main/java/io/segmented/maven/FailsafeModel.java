package io.segmented.maven;

import io.segmented.engine.adopt.FailsafeConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Build;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Reads a module's {@code maven-failsafe-plugin} from its POM into a {@link FailsafeConfig}: the
 * effective configuration of the execution that runs {@code integration-test} (the plugin's own
 * when none does). A value keeps its {@code ${...}} as the POM wrote it when the manifest can
 * resolve every name in it (project properties, {@code basedir}, {@code env.*}), so a generated
 * manifest follows the POM rather than one build's values.
 */
final class FailsafeModel {

  static final String FAILSAFE = "org.apache.maven.plugins:maven-failsafe-plugin";
  static final String INTEGRATION_TEST = "integration-test";

  /** What the manifest's interpolation always resolves, beside the project's properties. */
  private static final Set<String> ALWAYS_KNOWN = Set.of("basedir", "project.basedir");

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  private final Xpp3Dom effective;
  private final Xpp3Dom raw;
  private final Set<String> known;

  private FailsafeModel(Xpp3Dom effective, Xpp3Dom raw, Set<String> known) {
    this.effective = effective;
    this.raw = raw;
    this.known = known;
  }

  /**
   * failsafe as {@code project} declares it; {@code known} are the names the manifest's
   * interpolation resolves.
   */
  static FailsafeConfig read(MavenProject project, Set<String> known) {
    Plugin plugin = project.getBuild().getPluginsAsMap().get(FAILSAFE);
    if (plugin == null) {
      return FailsafeConfig.NONE;
    }
    Optional<PluginExecution> execution = itExecution(plugin);
    Xpp3Dom effective =
        merged(execution.map(PluginExecution::getConfiguration).orElse(null), plugin);
    Xpp3Dom raw = rawConfiguration(project, execution.map(PluginExecution::getId).orElse(null));
    FailsafeModel m = new FailsafeModel(effective, raw, known);
    boolean skipped =
        m.isTrue("skip") || m.isTrue("skipITs") || m.isTrue("skipTests") || m.isTrue("skipExec");
    return new FailsafeConfig(
        true,
        execution.isPresent() && !skipped,
        m.list("includes"),
        m.list("excludes"),
        m.text("groups"),
        m.text("excludedGroups"),
        m.systemProperties(),
        m.map("environmentVariables"),
        m.text("argLine"),
        m.configurationParameters(),
        m.integer("forkedProcessTimeoutInSeconds"));
  }

  /** Whether {@code project} binds {@code goal} of the plugin {@code key} to its lifecycle. */
  static boolean binds(MavenProject project, String key, String goal) {
    Plugin plugin = project.getBuild().getPluginsAsMap().get(key);
    return plugin != null && executionOf(plugin, goal).isPresent();
  }

  private static Optional<PluginExecution> itExecution(Plugin plugin) {
    return executionOf(plugin, INTEGRATION_TEST);
  }

  private static Optional<PluginExecution> executionOf(Plugin plugin, String goal) {
    return plugin.getExecutions().stream()
        .filter(e -> e.getGoals().contains(goal))
        .filter(e -> !"none".equals(e.getPhase()))
        .findFirst();
  }

  private static Xpp3Dom merged(Object executionConfig, Plugin plugin) {
    Xpp3Dom pluginConfig = (Xpp3Dom) plugin.getConfiguration();
    if (executionConfig == null) {
      return pluginConfig == null ? new Xpp3Dom("configuration") : pluginConfig;
    }
    return Xpp3Dom.mergeXpp3Dom(new Xpp3Dom((Xpp3Dom) executionConfig), pluginConfig);
  }

  /** The configuration as this module's own pom.xml writes it; null when it writes none. */
  private static Xpp3Dom rawConfiguration(MavenProject project, String executionId) {
    Build build = project.getOriginalModel().getBuild();
    Plugin plugin = build == null ? null : build.getPluginsAsMap().get(FAILSAFE);
    if (plugin == null) {
      return null;
    }
    Object executionConfig = null;
    for (PluginExecution e : plugin.getExecutions()) {
      if (e.getId().equals(executionId)) {
        executionConfig = e.getConfiguration();
      }
    }
    return merged(executionConfig, plugin);
  }

  private boolean isTrue(String name) {
    return "true".equalsIgnoreCase(text(name).trim());
  }

  private String text(String name) {
    Xpp3Dom node = effective.getChild(name);
    return node == null ? "" : value(node, raw == null ? null : raw.getChild(name));
  }

  private Optional<Integer> integer(String name) {
    try {
      String t = text(name).trim();
      return t.isEmpty() ? Optional.empty() : Optional.of(Integer.parseInt(t));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private List<String> list(String name) {
    List<String> out = new ArrayList<>();
    Xpp3Dom node = effective.getChild(name);
    if (node != null) {
      for (Xpp3Dom child : node.getChildren()) {
        String v = child.getValue();
        if (v != null && !v.isBlank()) {
          out.add(v.trim());
        }
      }
    }
    return out;
  }

  private Map<String, String> map(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    Xpp3Dom node = effective.getChild(name);
    Xpp3Dom rawNode = raw == null ? null : raw.getChild(name);
    if (node != null) {
      for (Xpp3Dom child : node.getChildren()) {
        out.put(
            child.getName(),
            value(child, rawNode == null ? null : rawNode.getChild(child.getName())));
      }
    }
    return out;
  }

  /** {@code <systemPropertyVariables>}, after the older {@code <systemProperties>}. */
  private Map<String, String> systemProperties() {
    Map<String, String> out = new LinkedHashMap<>();
    Xpp3Dom old = effective.getChild("systemProperties");
    if (old != null) {
      for (Xpp3Dom p : old.getChildren("property")) {
        Xpp3Dom n = p.getChild("name");
        Xpp3Dom v = p.getChild("value");
        if (n != null && n.getValue() != null) {
          out.put(n.getValue().trim(), v == null || v.getValue() == null ? "" : v.getValue());
        }
      }
    }
    out.putAll(map("systemPropertyVariables"));
    return out;
  }

  /** {@code <properties><configurationParameters>}: lines of {@code key = value}. */
  private Map<String, String> configurationParameters() {
    Xpp3Dom properties = effective.getChild("properties");
    Xpp3Dom node = properties == null ? null : properties.getChild("configurationParameters");
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null || node.getValue() == null) {
      return out;
    }
    Properties parsed = new Properties();
    try {
      parsed.load(new java.io.StringReader(node.getValue()));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
    // Properties keeps no order: write them sorted, so the manifest is the same on every run
    parsed.stringPropertyNames().stream().sorted().forEach(k -> out.put(k, parsed.getProperty(k)));
    return out;
  }

  /** The POM's own text when the manifest resolves every {@code ${...}} in it, else the value. */
  private String value(Xpp3Dom node, Xpp3Dom rawNode) {
    String v = node.getValue() == null ? "" : node.getValue();
    if (rawNode == null || rawNode.getValue() == null || !rawNode.getValue().contains("${")) {
      return v;
    }
    Matcher m = REFERENCE.matcher(rawNode.getValue());
    while (m.find()) {
      String name = m.group(1);
      if (!name.startsWith("env.") && !ALWAYS_KNOWN.contains(name) && !known.contains(name)) {
        return v;
      }
    }
    return rawNode.getValue();
  }
}
