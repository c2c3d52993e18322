package io.segmented.maven;

import java.util.HashMap;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/** The values a manifest's {@code ${...}} can name: the project's properties and a few more. */
final class ManifestProperties {

  private ManifestProperties() {}

  /**
   * The project's and the user's properties, {@code project.version}, {@code project.groupId},
   * {@code project.artifactId} and {@code project.build.directory}; the loader adds {@code basedir}
   * and {@code env.*}.
   */
  static Map<String, String> of(MavenProject project, MavenSession session) {
    Map<String, String> properties = new HashMap<>();
    project.getProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
    if (session != null) {
      session.getUserProperties().forEach((k, v) -> properties.put(k.toString(), v.toString()));
    }
    properties.put("project.version", project.getVersion());
    properties.put("project.groupId", project.getGroupId());
    properties.put("project.artifactId", project.getArtifactId());
    properties.put("project.build.directory", project.getBuild().getDirectory());
    return properties;
  }
}
